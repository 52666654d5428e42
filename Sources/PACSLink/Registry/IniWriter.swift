/// Writes lines in the layout `IniDocument` reads, so that what is written reads back to the
/// same sections, keys and values.
public enum IniWriter {
    /// `[local]` or `[server "NAME"]`.
    public static func headerLine(_ kind: IniDocument.SectionKind) -> String {
        switch kind {
        case .local: "[local]"
        case .server(let name): "[server \(quote(name))]"
        }
    }

    /// `key = value`, the value quoted when the plain form would read back differently.
    public static func entryLine(key: String, value: String) -> String {
        "\(key) = \(writtenValue(value))"
    }

    /// A section's lines.
    public static func sectionLines(_ kind: IniDocument.SectionKind, settings: [(key: String, value: String)]) -> [String] {
        [headerLine(kind)] + settings.map { entryLine(key: $0.key, value: $0.value) }
    }

    /// The value as written: plain, or quoted for surrounding spaces, a leading quote, or a
    /// comment marker the reader would cut at.
    static func writtenValue(_ value: String) -> String {
        guard let first = value.first, let last = value.last else { return value }
        let needsQuotes = first == " " || first == "\t" || last == " " || last == "\t" || first == "\""
            || first == ";" || first == "#" || value.contains(" ;") || value.contains(" #")
            || value.contains("\t;") || value.contains("\t#")
        return needsQuotes ? quote(value) : value
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
