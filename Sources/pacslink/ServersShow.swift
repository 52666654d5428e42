import ArgumentParser
import PACSLink

/// `pacslink servers show NAME [--json]`: every field of one server and where it comes from.
struct ServersShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one server.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var name: String
    @Flag(help: "Print one JSON document.") var json = false

    func run() throws {
        let registry = global.registry
        let entry = try registry.load().server(named: name)
        let file = registry.files.file(of: entry)
        if json {
            try JSONOutput.print(ServerJSON(entry: entry, file: file))
            return
        }
        let rows: [[String]] = [
            ["name", entry.name],
            ["ae_title", entry.aeTitle],
            ["host", entry.host],
            ["port", String(entry.port)],
            ["listen_port", String(entry.listenPort) + (entry.listenPortOverride == nil ? " (the port)" : "")],
            ["compression", entry.compression ?? "-"],
            ["description", entry.description ?? "-"],
            ["tls", entry.tls ? "yes" : "no"],
            ["verify_certificate", entry.verifyCertificate ? "yes" : "no"],
            ["tls_ca", entry.tlsCA ?? "-"],
            ["tls_cert", entry.tlsCert ?? "-"],
            ["tls_key", entry.tlsKey ?? "-"],
            ["retrieve_method", entry.retrieveMethod.rawValue],
            ["local_ae_title", entry.localAETitle ?? "- (the local AE title)"],
            ["timeout", entry.timeout.map { ConfigValue.spelling($0) + " s" } ?? "- (the default)"],
            ["source", entry.layer == .admin ? "\(file) (administrator's, read-only)" : file],
        ]
        print(Table.render(rows), terminator: "")
    }
}
