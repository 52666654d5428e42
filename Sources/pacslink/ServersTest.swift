import ArgumentParser
import DICOMTransport
import PACSLink

/// `pacslink servers test NAME [--json]`: one C-ECHO to a registered server with the timing of
/// each phase; exit 1 when it fails, with the phase and the reason.
struct ServersTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "C-ECHO a registered server, timing each phase (resolve, connect, TLS, associate, echo, release).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var name: String
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        let snapshot = try global.registry.load()
        let entry = try snapshot.server(named: name)
        let target = EchoTarget(entry, local: snapshot.local, defaultTimeout: .seconds(10))
        let group = EventLoopGroup(loopCount: 1)
        let result = await EchoSCU.echo(target, on: group.next())
        group.shutdown()
        try EchoReport(results: [result]).print(json ? .json : .table)
        if !result.succeeded { throw ExitCode.failure }
    }
}
