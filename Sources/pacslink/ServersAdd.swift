import ArgumentParser
import PACSLink

/// `pacslink servers add NAME --ae AE --host HOST --port N …`: registers a server in the
/// user's file.
struct ServersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a server to your file.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A name for the server, unique among all servers.") var name: String
    @OptionGroup var server: ServerOptions

    func validate() throws {
        let missing = [("--ae", server.aeTitle), ("--host", server.host), ("--port", server.port)]
            .filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            throw ValidationError("missing \(missing.joined(separator: ", ")): a server needs --ae, --host and --port")
        }
    }

    func run() throws {
        let registry = global.registry
        let entry = try registry.add(name: name, settings: server.settings)
        print("Added \"\(entry.name)\" (\(entry.aeTitle) at \(entry.host):\(entry.port)) to \(registry.files.user).")
    }
}
