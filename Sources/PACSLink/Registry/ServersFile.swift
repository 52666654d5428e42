/// One configuration file's content: its `[local]` settings and its servers, in file order.
/// Reading checks every key and value and reports the first problem with its file:line:column.
public struct ServersFile: Sendable {
    /// The `[local]` settings as written (each value already checked).
    public var local: [(key: String, value: String)] = []
    public var servers: [ServerEntry] = []

    public init() {}

    /// Reads `text` from `file`; the entries are marked as coming from `layer`.
    public init(parsing text: String, file: String, layer: ConfigurationLayer) throws(RegistryError) {
        let document = try IniDocument(parsing: text, file: file)
        for section in document.sections {
            let settings = section.entries.map { (key: $0.key, value: $0.value) }
            switch section.kind {
            case .local:
                var scratch = LocalSettings(environment: [:])
                for entry in section.entries {
                    try Self.located(entry) { () throws(FieldError) in try scratch.set(entry.key, entry.value) }
                }
                local = settings
            case .server(let name):
                for entry in section.entries {
                    var scratch = ServerEntry(unchecked: name)
                    try Self.located(entry) { () throws(FieldError) in try scratch.set(entry.key, entry.value) }
                }
                do throws(FieldError) {
                    var entry = try ServerEntry(name: name, settings: settings)
                    entry.layer = layer
                    servers.append(entry)
                } catch {
                    throw RegistryError(.invalid, "server \"\(name)\": \(error)", at: section.location)
                }
            }
        }
    }

    /// The file's text, with `header` as leading comment lines.
    public func text(header: [String]) -> String {
        var sections: [(kind: IniDocument.SectionKind, settings: [(key: String, value: String)])] = []
        if !local.isEmpty { sections.append((.local, local)) }
        sections += servers.map { (.server($0.name), $0.settings) }
        return IniWriter.render(header: header, sections: sections)
    }

    /// Runs `check` on one entry, placing a failure at the value (or at the key when the key
    /// itself is unknown).
    private static func located(_ entry: IniDocument.Entry, _ check: () throws(FieldError) -> Void) throws(RegistryError) {
        do throws(FieldError) {
            try check()
        } catch {
            throw RegistryError(.invalid, error.description, at: error.isUnknownKey ? entry.keyLocation : entry.valueLocation)
        }
    }
}
