/// The ini layout of the configuration files, read into sections of key/value entries with
/// their positions; what the keys mean is `ServersFile`'s business.
///
/// ```
/// ; a comment            # also a comment
/// [local]
/// ae_title = PACSLINK    ; a trailing comment starts at ; or # after a space
/// [server "Hospital PACS"]
/// description = "  quoted: keeps spaces ; and # \" \\ "
/// ```
/// Section names and keys are case-insensitive; values are trimmed; a value may be written in
/// double quotes (with `\"` and `\\`) to keep leading or trailing spaces or a ` ;`/` #`.
public struct IniDocument: Sendable, Equatable {
    public enum SectionKind: Sendable, Equatable {
        case local
        case server(String)
    }

    public struct Entry: Sendable, Equatable {
        /// Lowercased.
        public let key: String
        public let value: String
        public let keyLocation: SourceLocation
        public let valueLocation: SourceLocation
        /// The column just after the value as written (after its closing quote, before any
        /// comment), so an editor can replace the value and keep the line's comment.
        public let valueEndColumn: Int
    }

    public struct Section: Sendable, Equatable {
        public let kind: SectionKind
        public let location: SourceLocation
        public var entries: [Entry]
    }

    public private(set) var sections: [Section] = []

    /// Parses `text` read from `file` (the name used in error positions).
    public init(parsing text: String, file: String) throws(RegistryError) {
        // A byte order mark is not text; "\r\n" is one Character in Swift, so it, "\r" and
        // "\n" end a line.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            try parseLine(Array(line), number: index + 1, file: file)
        }
    }

    private mutating func parseLine(_ line: [Character], number: Int, file: String) throws(RegistryError) {
        func location(_ index: Int) -> SourceLocation {
            SourceLocation(file: file, line: number, column: index + 1)
        }
        var scanner = LineScanner(line)
        scanner.skipSpaces()
        guard let first = scanner.peek, first != ";", first != "#" else { return }
        if first == "[" {
            let start = scanner.index
            let kind = try scanner.sectionHeader(at: location)
            try scanner.expectEnd(at: location, after: "the section header")
            if let clash = sections.first(where: { $0.kind == kind }) {
                let what = if case .server(let name) = kind { "server \"\(name)\"" } else { "[local]" }
                throw RegistryError(.invalid, "\(what) is defined twice (first at line \(clash.location.line)): expected each section once", at: location(start))
            }
            sections.append(Section(kind: kind, location: location(start), entries: []))
            return
        }
        let keyStart = scanner.index
        let key = scanner.key()
        guard !key.isEmpty else {
            throw RegistryError(.invalid, "unexpected \"\(first)\": expected a section header such as [server \"NAME\"], a key = value line or a comment", at: location(keyStart))
        }
        scanner.skipSpaces()
        guard scanner.peek == "=" else {
            throw RegistryError(.invalid, "expected \"=\" after key \"\(key)\"", at: location(scanner.index))
        }
        scanner.advance()
        scanner.skipSpaces()
        let valueStart = scanner.index
        let (value, valueEnd) = try scanner.value(at: location)
        guard !sections.isEmpty else {
            throw RegistryError(.invalid, "key \"\(key)\" is outside any section: expected [local] or [server \"NAME\"] first", at: location(keyStart))
        }
        let lowered = key.lowercased()
        if let previous = sections[sections.count - 1].entries.first(where: { $0.key == lowered }) {
            throw RegistryError(.invalid, "key \"\(key)\" is set twice in this section (first at line \(previous.keyLocation.line)): expected each key once", at: location(keyStart))
        }
        sections[sections.count - 1].entries.append(
            Entry(key: lowered, value: value, keyLocation: location(keyStart), valueLocation: location(valueStart),
                  valueEndColumn: valueEnd + 1))
    }
}

/// Walks one line of an ini file.
private struct LineScanner {
    let characters: [Character]
    var index = 0

    init(_ characters: [Character]) { self.characters = characters }

    var peek: Character? { index < characters.count ? characters[index] : nil }
    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    /// True at a comment: `;` or `#` at the start or after a space.
    var atComment: Bool {
        guard let c = peek, c == ";" || c == "#" else { return false }
        return index == 0 || characters[index - 1] == " " || characters[index - 1] == "\t"
    }

    mutating func expectEnd(at location: (Int) -> SourceLocation, after what: String) throws(RegistryError) {
        skipSpaces()
        guard peek == nil || atComment else {
            throw RegistryError(.invalid, "unexpected text after \(what): expected the end of the line or a comment", at: location(index))
        }
    }

    /// A key: letters, digits, `_` and `-`.
    mutating func key() -> String {
        let start = index
        while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" { advance() }
        return String(characters[start..<index])
    }

    /// `[local]` or `[server "NAME"]`, spaces allowed around the words.
    mutating func sectionHeader(at location: (Int) -> SourceLocation) throws(RegistryError) -> IniDocument.SectionKind {
        let expected = "expected [local] or [server \"NAME\"]"
        advance()
        skipSpaces()
        let wordStart = index
        let word = key().lowercased()
        skipSpaces()
        let kind: IniDocument.SectionKind
        switch word {
        case "local":
            kind = .local
        case "server":
            guard peek == "\"" else {
                throw RegistryError(.invalid, "a server section needs a quoted name: \(expected)", at: location(index))
            }
            let nameStart = index
            let name = try quoted(at: location)
            do throws(FieldError) {
                kind = .server(try ServerEntry.validateName(name))
            } catch {
                throw RegistryError(.invalid, error.description, at: location(nameStart))
            }
            skipSpaces()
        default:
            throw RegistryError(.invalid, "unknown section \"\(word)\": \(expected)", at: location(wordStart))
        }
        guard peek == "]" else {
            throw RegistryError(.invalid, "missing \"]\": \(expected)", at: location(index))
        }
        advance()
        return kind
    }

    /// A double-quoted string with `\"` and `\\`; the scanner stands on the opening quote.
    mutating func quoted(at location: (Int) -> SourceLocation) throws(RegistryError) -> String {
        let start = index
        advance()
        var result = ""
        while let c = peek {
            advance()
            switch c {
            case "\"": return result
            case "\\":
                guard let next = peek, next == "\"" || next == "\\" else {
                    throw RegistryError(.invalid, "unknown escape in quoted text: expected \\\" or \\\\", at: location(index - 1))
                }
                result.append(next)
                advance()
            default: result.append(c)
            }
        }
        throw RegistryError(.invalid, "unterminated quoted text: expected a closing \"", at: location(start))
    }

    /// A value (quoted, or everything up to a comment, trimmed) and the index just after it.
    mutating func value(at location: (Int) -> SourceLocation) throws(RegistryError) -> (String, Int) {
        if peek == "\"" {
            let text = try quoted(at: location)
            let end = index
            try expectEnd(at: location, after: "the quoted value")
            return (text, end)
        }
        let start = index
        var end = index
        while peek != nil && !atComment {
            advance()
            if characters[index - 1] != " " && characters[index - 1] != "\t" { end = index }
        }
        return (String(characters[start..<end]), end)
    }
}
