import ArgumentParser
import PACSLink

/// `pacslink servers list [--json]`: every server; the administrator's are read-only.
struct ServersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the servers (the administrator's are marked read-only).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document.") var json = false

    struct Listing: Encodable {
        let adminFile: String
        let userFile: String
        let servers: [ServerJSON]
        enum CodingKeys: String, CodingKey { case adminFile = "admin_file", userFile = "user_file", servers }
    }

    func run() throws {
        let registry = global.registry
        let snapshot = try registry.load()
        if json {
            try JSONOutput.print(Listing(
                adminFile: registry.files.admin, userFile: registry.files.user,
                servers: snapshot.servers.map { ServerJSON(entry: $0, file: registry.files.file(of: $0)) }))
            return
        }
        guard !snapshot.servers.isEmpty else {
            print("No servers: add one with `pacslink servers add NAME --ae AE --host HOST --port N`.")
            return
        }
        let rows = [["NAME", "AE TITLE", "HOST", "PORT", "TLS", "SOURCE"]] + snapshot.servers.map {
            [$0.name, $0.aeTitle, $0.host, String($0.port), $0.tls ? "yes" : "no",
             $0.layer == .admin ? "admin (read-only)" : "user"]
        }
        print(Table.render(rows), terminator: "")
    }
}
