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

    /// The text of a new file holding this content, after `header` comment lines.
    public func text(header: [String], file: String) throws(RegistryError) -> String {
        var editor = IniEditor(comments: header, file: file)
        try write(changesFrom: ServersFile(), into: &editor)
        return editor.text
    }

    /// `text` (the file `original` was read from) with this content instead of `original`'s,
    /// keeping the comments, layout and spelling of what did not change.
    public func text(editing text: String, original: ServersFile, file: String) throws(RegistryError) -> String {
        var editor = IniEditor(text: text, file: file)
        try write(changesFrom: original, into: &editor)
        return editor.text
    }

    private func write(changesFrom original: ServersFile, into editor: inout IniEditor) throws(RegistryError) {
        if !local.elementsEqual(original.local, by: { $0 == $1 }) {
            try editor.updateSection(.local, from: original.local, to: local)
        }
        for old in original.servers where !servers.contains(where: { $0.name == old.name }) {
            try editor.removeSection(.server(old.name))
        }
        for server in servers {
            if let old = original.servers.first(where: { $0.name == server.name }) {
                try editor.updateSection(.server(server.name), from: old.settings, to: server.settings)
            } else {
                editor.appendSection(.server(server.name), settings: server.settings)
            }
        }
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
