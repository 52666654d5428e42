import Foundation
import Testing
import TestSupport
@testable import PACSLink

/// The two layers: the administrator's file is read-only and wins; the user's file is written
/// atomically and created on first write.
@Suite("Registry layering")
struct RegistryLayeringTests {
    let directory: TemporaryDirectory
    let registry: ServerRegistry
    let adminText = """
        [local]
        ae_title = SITE
        storage = /srv/dicom

        [server "Hospital PACS"]
        ae_title = HOSPPACS
        host = 10.0.4.12
        port = 104

        """

    init() throws {
        directory = try TemporaryDirectory(prefix: "registry")
        let files = ConfigurationFiles(
            user: directory.path + "/home/.config/pacslink/servers.ini", admin: directory.path + "/admin.ini")
        try adminText.write(toFile: files.admin, atomically: false, encoding: .utf8)
        registry = ServerRegistry(files: files, environment: ["HOME": directory.path + "/home"])
    }

    private var adminBytes: Data? { FileManager.default.contents(atPath: registry.files.admin) }

    /// The registry error `body` throws, if any (any other error fails the test).
    private func error(_ body: () throws -> Void) -> RegistryError? {
        do {
            try body()
            return nil
        } catch {
            #expect(error is RegistryError, "\(error)")
            return error as? RegistryError
        }
    }

    @Test("missing files read as empty; the user's directory is created on first write")
    func missingFiles() throws {
        let empty = ServerRegistry(
            files: ConfigurationFiles(user: directory.path + "/none/u.ini", admin: directory.path + "/none/a.ini"),
            environment: ["XDG_DATA_HOME": "/data"])
        let snapshot = try empty.load()
        #expect(snapshot.servers.isEmpty)
        #expect(snapshot.local == LocalSettings(environment: ["XDG_DATA_HOME": "/data"]))
        #expect(snapshot.local.aeTitle == "PACSLINK" && snapshot.local.receivePort == 11112)
        #expect(snapshot.local.storage == "/data/pacslink")
        try empty.add(name: "S", settings: [("ae_title", "A"), ("host", "h"), ("port", "1")])
        #expect(try empty.load().servers.map(\.name) == ["S"])
    }

    @Test("admin entries come first and are marked; add, edit and remove change only the user's file")
    func userChanges() throws {
        try registry.add(name: "Mine", settings: [("ae_title", "MINE"), ("host", "::1"), ("port", "11112"), ("tls", "yes")])
        var snapshot = try registry.load()
        #expect(snapshot.servers.map(\.name) == ["Hospital PACS", "Mine"])
        #expect(snapshot.servers.map(\.layer) == [.admin, .user])
        try registry.edit(name: "Mine", settings: [("port", "4242"), ("description", "laptop")])
        let mine = try registry.load().server(named: "Mine")
        #expect(mine.port == 4242 && mine.description == "laptop" && mine.aeTitle == "MINE" && mine.tls)
        #expect(mine.listenPort == 4242)
        try registry.edit(name: "Mine", settings: [("description", "")])
        #expect(try registry.load().server(named: "Mine").description == nil)
        try registry.remove(name: "Mine")
        snapshot = try registry.load()
        #expect(snapshot.servers.map(\.name) == ["Hospital PACS"])
        #expect(adminBytes == Data(adminText.utf8))
    }

    @Test("editing, removing or shadowing an admin entry is refused, naming the admin file")
    func adminIsReadOnly() throws {
        let attempts: [() throws -> Void] = [
            { try registry.edit(name: "Hospital PACS", settings: [("port", "105")]) },
            { try registry.remove(name: "Hospital PACS") },
            {
                try registry.add(name: "Hospital PACS", settings: [("ae_title", "X"), ("host", "h"), ("port", "1")])
            },
        ]
        for attempt in attempts {
            let refusal = try #require(error(attempt))
            #expect(refusal.kind == .readOnly)
            #expect(refusal.message.contains("administrator's file \(registry.files.admin)"))
            #expect(adminBytes == Data(adminText.utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: registry.files.user))
    }

    @Test("the administrator's entry wins over a user entry of the same name")
    func adminWins() throws {
        try FileManager.default.createDirectory(
            atPath: (registry.files.user as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "[server \"Hospital PACS\"]\nae_title = MINE\nhost = h\nport = 1\n"
            .write(toFile: registry.files.user, atomically: false, encoding: .utf8)
        let snapshot = try registry.load()
        #expect(snapshot.servers.count == 1)
        #expect(try snapshot.server(named: "Hospital PACS").aeTitle == "HOSPPACS")
        #expect(try snapshot.server(named: "Hospital PACS").layer == .admin)
    }

    @Test("local settings: defaults, then the administrator's, then the user's, key by key")
    func localLayers() throws {
        #expect(try registry.load().local.aeTitle == "SITE")
        let local = try registry.setLocal([("receive_port", "4242"), ("allowed_callers", "A, B")])
        #expect(local.aeTitle == "SITE" && local.receivePort == 4242 && local.storage == "/srv/dicom")
        #expect(local.allowedCallers == ["A", "B"])
        try registry.setLocal([("ae_title", "ME"), ("receive_port", "4243")])
        let merged = try registry.load().local
        #expect(merged.aeTitle == "ME" && merged.receivePort == 4243 && merged.allowedCallers == ["A", "B"])
        let refusal = error { try registry.setLocal([("tls_cert", "/c.pem")]) }
        #expect(refusal?.kind == .invalid && refusal?.message.hasPrefix("tls_key: is missing") == true)
    }

    @Test("invalid values, duplicates and unknown names change nothing")
    func refusalsWriteNothing() throws {
        try registry.add(name: "Mine", settings: [("ae_title", "MINE"), ("host", "h"), ("port", "1")])
        let before = FileManager.default.contents(atPath: registry.files.user)
        let cases: [(RegistryError.Kind, () throws -> Void)] = [
            (.invalid, { try registry.edit(name: "Mine", settings: [("port", "65536")]) }),
            (.invalid, {
                try registry.add(name: "Mine", settings: [("ae_title", "A"), ("host", "h"), ("port", "1")])
            }),
            (.invalid, {
                try registry.add(name: "Other", settings: [("ae_title", "A\\B"), ("host", "h"), ("port", "1")])
            }),
            (.notFound, { try registry.remove(name: "Nobody") }),
            (.notFound, { try registry.edit(name: "Nobody", settings: [("port", "2")]) }),
        ]
        for (kind, attempt) in cases {
            #expect(error(attempt)?.kind == kind)
            #expect(FileManager.default.contents(atPath: registry.files.user) == before)
        }
    }

    @Test("an invalid user file is reported with its position and never overwritten")
    func invalidUserFileIsKept() throws {
        try FileManager.default.createDirectory(
            atPath: (registry.files.user as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let broken = "[server \"Old\"]\nae_title = A\nhost = h\nport = 0\n"
        try broken.write(toFile: registry.files.user, atomically: false, encoding: .utf8)
        let refusal = error {
            try registry.add(name: "New", settings: [("ae_title", "A"), ("host", "h"), ("port", "1")])
        }
        #expect(refusal?.kind == .invalid)
        #expect(refusal?.location == SourceLocation(file: registry.files.user, line: 4, column: 8))
        #expect(FileManager.default.contents(atPath: registry.files.user) == Data(broken.utf8))
    }

    @Test("atomic write: the file is replaced whole, keeps its mode, and leaves no temporary file")
    func atomicWrite() throws {
        let path = directory.path + "/atomic/servers.ini"
        try ConfigurationFileIO.writeAtomically("first\n", to: path)
        chmod(path, 0o600)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try ConfigurationFileIO.writeAtomically("second\n", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(try ConfigurationFileIO.read(path) == "second\n")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.systemFileNumber] as? Int) != before, "rename installs a new inode")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/atomic") == ["servers.ini"])
    }

    @Test("configuration file paths: options, then environment, then XDG and /etc defaults")
    func paths() {
        let env = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg", "PACSLINK_CONFIG": "/env/u.ini",
                   "PACSLINK_ADMIN_CONFIG": "/env/a.ini"]
        #expect(ConfigurationFiles.resolve(config: "/o/u.ini", adminConfig: "/o/a.ini", environment: env)
            == ConfigurationFiles(user: "/o/u.ini", admin: "/o/a.ini"))
        #expect(ConfigurationFiles.resolve(config: nil, adminConfig: nil, environment: env)
            == ConfigurationFiles(user: "/env/u.ini", admin: "/env/a.ini"))
        #expect(ConfigurationFiles.resolve(config: nil, adminConfig: nil, environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"])
            == ConfigurationFiles(user: "/xdg/pacslink/servers.ini", admin: "/etc/pacslink/servers.ini"))
        #expect(ConfigurationFiles.resolve(config: nil, adminConfig: nil, environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "rel"]).user
            == "/home/u/.config/pacslink/servers.ini")
    }
}
