import ArgumentParser

/// `pacslink servers`: the registry of DICOM servers (docs/configuration.md).
struct ServersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "servers",
        abstract: "List and manage the DICOM servers of the administrator's and your configuration files.",
        subcommands: [
            ServersList.self, ServersShow.self, ServersAdd.self, ServersEdit.self, ServersRemove.self,
            ServersTest.self,
        ])
}
