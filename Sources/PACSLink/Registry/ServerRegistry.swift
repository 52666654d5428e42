/// The DICOM servers users can name, from two layers: the administrator's file (read-only,
/// wins on name clashes) and the user's file (changed only here, atomically and under an
/// exclusive lock, so concurrent commands do not lose each other's changes).
public struct ServerRegistry: Sendable {
    public let files: ConfigurationFiles
    /// For the defaults that depend on it (the storage root).
    public let environment: [String: String]

    public init(files: ConfigurationFiles, environment: [String: String]) {
        self.files = files
        self.environment = environment
    }

    /// What both files say, merged.
    public struct Snapshot: Sendable {
        /// The administrator's servers, then the user's ones the administrator does not name,
        /// each in file order.
        public let servers: [ServerEntry]
        /// Built-in defaults, then the administrator's `[local]`, then the user's.
        public let local: LocalSettings

        public init(servers: [ServerEntry], local: LocalSettings) {
            self.servers = servers
            self.local = local
        }

        /// The server called `name`, or a `.notFound` error.
        public func server(named name: String) throws(RegistryError) -> ServerEntry {
            guard let entry = servers.first(where: { $0.name == name }) else {
                let known = servers.isEmpty ? "no server is registered" : "known: " + servers.map(\.name).joined(separator: ", ")
                throw RegistryError(.notFound, "no server named \"\(name)\" (\(known))")
            }
            return entry
        }
    }

    /// Reads and merges both files.
    public func load() throws(RegistryError) -> Snapshot {
        let (admin, user) = try readBoth()
        return try merge(admin: admin, user: user)
    }

    /// Registers a new server in the user's file; `settings` are ini keys and values and must
    /// include the required ones.
    @discardableResult
    public func add(name: String, settings: [(key: String, value: String)]) throws(RegistryError) -> ServerEntry {
        try modifyUserFile { admin, user throws(RegistryError) in
            try refuseAdminEntry(name, admin: admin, action: "add a server with the same name")
            if user.servers.contains(where: { $0.name == name }) {
                throw RegistryError(.invalid, "server \"\(name)\" already exists in \(files.user): use `pacslink servers edit` to change it")
            }
            var entry = try Self.checked { () throws(FieldError) in try ServerEntry(name: name, settings: settings) }
            entry.layer = .user
            user.servers.append(entry)
            return entry
        }
    }

    /// Changes the given fields of the user's server `name`; the others stay as they are.
    @discardableResult
    public func edit(name: String, settings: [(key: String, value: String)]) throws(RegistryError) -> ServerEntry {
        try modifyUserFile { admin, user throws(RegistryError) in
            try refuseAdminEntry(name, admin: admin, action: "edit it")
            let index = try userIndex(name, in: user)
            var entry = user.servers[index]
            try Self.checked { () throws(FieldError) in try entry.apply(settings) }
            user.servers[index] = entry
            return entry
        }
    }

    /// Removes the user's server `name`.
    public func remove(name: String) throws(RegistryError) {
        try modifyUserFile { admin, user throws(RegistryError) in
            try refuseAdminEntry(name, admin: admin, action: "remove it")
            user.servers.remove(at: try userIndex(name, in: user))
        }
    }

    /// Sets `[local]` keys in the user's file and returns the merged local settings.
    @discardableResult
    public func setLocal(_ settings: [(key: String, value: String)]) throws(RegistryError) -> LocalSettings {
        try modifyUserFile { admin, user throws(RegistryError) in
            var local = user.local
            for setting in settings {
                let key = setting.key.lowercased()
                if let index = local.firstIndex(where: { $0.key == key }) {
                    local[index].value = setting.value
                } else {
                    local.append((key, setting.value))
                }
            }
            user.local = local
            return try merge(admin: admin, user: user).local
        }
    }

    /// The comment at the top of the user's file.
    static let userFileHeader = [
        "PACSLink: your DICOM servers and local settings (docs/configuration.md).",
        "`pacslink servers` and `pacslink local` change it in place, keeping your comments.",
    ]

    private func readBoth() throws(RegistryError) -> (admin: ServersFile, user: ServersFile) {
        let admin = try ServersFile(parsing: ConfigurationFileIO.read(files.admin), file: files.admin, layer: .admin)
        let user = try ServersFile(parsing: ConfigurationFileIO.read(files.user), file: files.user, layer: .user)
        return (admin, user)
    }

    private func merge(admin: ServersFile, user: ServersFile) throws(RegistryError) -> Snapshot {
        var local = LocalSettings(environment: environment)
        try Self.checked { () throws(FieldError) in
            for setting in admin.local + user.local { try local.set(setting.key, setting.value) }
            try local.checkConsistency()
        }
        let adminNames = Set(admin.servers.map(\.name))
        let servers = admin.servers + user.servers.filter { !adminNames.contains($0.name) }
        return Snapshot(servers: servers, local: local)
    }

    /// Read, change and write the user's file under its lock; nothing is written when `change`
    /// throws.
    private func modifyUserFile<T>(
        _ change: (ServersFile, inout ServersFile) throws(RegistryError) -> T
    ) throws(RegistryError) -> T {
        try ConfigurationFileIO.withExclusiveLock(on: files.user) { () throws(RegistryError) -> T in
            let admin = try ServersFile(parsing: ConfigurationFileIO.read(files.admin), file: files.admin, layer: .admin)
            let text = try ConfigurationFileIO.read(files.user)
            let original = try ServersFile(parsing: text, file: files.user, layer: .user)
            var user = original
            let result = try change(admin, &user)
            _ = try merge(admin: admin, user: user)
            let updated = text.isEmpty
                ? try user.text(header: Self.userFileHeader, file: files.user)
                : try user.text(editing: text, original: original, file: files.user)
            try ConfigurationFileIO.writeAtomically(updated, to: files.user)
            return result
        }
    }

    private func refuseAdminEntry(_ name: String, admin: ServersFile, action: String) throws(RegistryError) {
        if admin.servers.contains(where: { $0.name == name }) {
            throw RegistryError(
                .readOnly,
                "server \"\(name)\" belongs to the administrator's file \(files.admin), which is read-only: cannot \(action); ask your administrator, or use another name")
        }
    }

    private func userIndex(_ name: String, in user: ServersFile) throws(RegistryError) -> Int {
        guard let index = user.servers.firstIndex(where: { $0.name == name }) else {
            throw RegistryError(.notFound, "no server named \"\(name)\" in \(files.user)")
        }
        return index
    }

    /// Runs `body`, reporting a `FieldError` as an invalid value.
    private static func checked<T>(_ body: () throws(FieldError) -> T) throws(RegistryError) -> T {
        do throws(FieldError) {
            return try body()
        } catch {
            throw RegistryError(.invalid, error.description)
        }
    }
}
