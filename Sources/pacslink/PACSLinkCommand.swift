import ArgumentParser
import DICOMTransport
import PACSLink

/// `pacslink`: the command line of ../docs/cli.md. Each subcommand lives in its own file,
/// parses, calls the library and prints; no behaviour here.
@main
struct PACSLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacslink",
        abstract: "DICOM networking: echo, query, retrieve and send against PACS servers.",
        version: "pacslink \(PACSLinkVersion.string) (libuv \(NativeLibraries.libuvVersion), \(NativeLibraries.openSSLVersion))",
        subcommands: [
            // One line per subcommand; keep the order of docs/cli.md.
            ServersCommand.self, LocalCommand.self,
            EchoCommand.self, ListenCommand.self,
            FindCommand.self, RetrieveCommand.self,
            SendCommand.self,
            DoctorCommand.self,
            DumpCommand.self,
            SimulateCommand.self,
            DemoCommand.self,
            BenchCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}
