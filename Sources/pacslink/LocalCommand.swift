import ArgumentParser

/// `pacslink local`: our own AE title, receive port, storage root and listener TLS.
struct LocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local", abstract: "Show or set our AE title, receive port, storage root and TLS.",
        subcommands: [LocalShow.self, LocalSet.self])
}
