/// Writes the layout `IniDocument` reads: what it writes reads back to the same sections,
/// keys and values. Comments are not carried over (the reader drops them).
public enum IniWriter {
    /// The text of `sections`, after `header` comment lines (each prefixed with `; `).
    public static func render(
        header: [String], sections: [(kind: IniDocument.SectionKind, settings: [(key: String, value: String)])]
    ) -> String {
        var lines = header.map { "; \($0)" }
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            switch section.kind {
            case .local: lines.append("[local]")
            case .server(let name): lines.append("[server \(quote(name))]")
            }
            for setting in section.settings {
                lines.append("\(setting.key) = \(needsQuotes(setting.value) ? quote(setting.value) : setting.value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Values the plain form would change: surrounding spaces, a leading quote, or a comment
    /// marker the reader would cut at.
    private static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        return first == " " || first == "\t" || last == " " || last == "\t" || first == "\"" || first == ";"
            || first == "#" || value.contains(" ;") || value.contains(" #") || value.contains("\t;")
            || value.contains("\t#")
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
