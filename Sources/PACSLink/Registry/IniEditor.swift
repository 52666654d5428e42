/// Changes an ini file's text line by line, so that what users wrote by hand survives a
/// command: comments, blank lines, the order of sections and keys, and the spelling of values
/// that do not change. Only the lines of changed keys and of added or removed sections differ.
/// Line ends are written as "\n".
public struct IniEditor: Sendable {
    private var lines: [String]
    private let file: String

    /// Starts from `text`, the content of `file` (used in error positions).
    public init(text: String, file: String) {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        var lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        self.file = file
    }

    /// Starts a new file with `comments` as its first lines (each prefixed with `; `).
    public init(comments: [String], file: String) {
        lines = comments.map { "; \($0)" }
        self.file = file
    }

    public var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    /// Turns the section's `old` settings into `new`: a changed key's value is replaced in its
    /// line (keeping a trailing comment), a key gone from `new` loses its line, a new key is
    /// added after the section's last entry. A missing section is appended.
    public mutating func updateSection(
        _ kind: IniDocument.SectionKind, from old: [(key: String, value: String)], to new: [(key: String, value: String)]
    ) throws(RegistryError) {
        guard try section(kind) != nil else { return appendSection(kind, settings: new) }
        let oldValues = Dictionary(old.map { ($0.key, $0.value) }) { first, _ in first }
        let newValues = Dictionary(new.map { ($0.key, $0.value) }) { first, _ in first }
        let keys = new.map(\.key) + old.map(\.key).filter { newValues[$0] == nil }
        for key in keys where oldValues[key] != newValues[key] {
            // Positions move as lines come and go: read them again for each key.
            guard let section = try section(kind) else { return }
            if let entry = section.entries.first(where: { $0.key == key }) {
                let index = entry.keyLocation.line - 1
                if let value = newValues[key] {
                    let characters = Array(lines[index])
                    lines[index] = String(characters[..<(entry.valueLocation.column - 1)])
                        + IniWriter.writtenValue(value) + String(characters[(entry.valueEndColumn - 1)...])
                } else {
                    lines.remove(at: index)
                }
            } else if let value = newValues[key] {
                lines.insert(IniWriter.entryLine(key: key, value: value), at: Self.lastLine(of: section) + 1)
            }
        }
    }

    /// Removes the section's header and entries (with the comments between them); comments
    /// after its last entry stay, as they may introduce the next section.
    public mutating func removeSection(_ kind: IniDocument.SectionKind) throws(RegistryError) {
        guard let section = try section(kind) else { return }
        lines.removeSubrange((section.location.line - 1)...Self.lastLine(of: section))
    }

    /// Appends a section after a blank line.
    public mutating func appendSection(_ kind: IniDocument.SectionKind, settings: [(key: String, value: String)]) {
        if let last = lines.last, !last.allSatisfy(\.isWhitespace) { lines.append("") }
        lines += IniWriter.sectionLines(kind, settings: settings)
    }

    private func section(_ kind: IniDocument.SectionKind) throws(RegistryError) -> IniDocument.Section? {
        try IniDocument(parsing: text, file: file).sections.first { $0.kind == kind }
    }

    /// The index of the section's last line: its last entry, or its header.
    private static func lastLine(of section: IniDocument.Section) -> Int {
        (section.entries.map(\.keyLocation.line).max() ?? section.location.line) - 1
    }
}
