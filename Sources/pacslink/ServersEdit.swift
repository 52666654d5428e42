import ArgumentParser
import PACSLink

/// `pacslink servers edit NAME [any option of add]`: only the given fields change.
struct ServersEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change fields of one of your servers (only the given ones).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var name: String
    @OptionGroup var server: ServerOptions

    func validate() throws {
        if server.settings.isEmpty { throw ValidationError("nothing to change: give at least one option of `servers add`") }
    }

    func run() throws {
        let registry = global.registry
        let entry = try registry.edit(name: name, settings: server.settings)
        print("Changed \"\(entry.name)\" in \(registry.files.user).")
    }
}
