import ArgumentParser
import PACSLink

/// `pacslink servers remove NAME`: deletes one of the user's servers.
struct ServersRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove one of your servers.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var name: String

    func run() throws {
        let registry = global.registry
        try registry.remove(name: name)
        print("Removed \"\(name)\" from \(registry.files.user).")
    }
}
