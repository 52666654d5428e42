import ArgumentParser
import PACSLink

/// `pacslink local set …`: writes the given local settings to the user's file.
struct LocalSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set local settings in your file.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("ae-title"), help: ArgumentHelp("Our AE title.", valueName: "AE")) var aeTitle: String?
    @Option(help: ArgumentHelp("The port we receive on (1–65535).", valueName: "N")) var receivePort: String?
    @Option(help: ArgumentHelp("The storage root for received files.", valueName: "DIR")) var storage: String?
    @Option(help: ArgumentHelp("Our listener's certificate (PEM), with --tls-key.", valueName: "FILE")) var tlsCert: String?
    @Option(help: ArgumentHelp("Its private key (PEM).", valueName: "FILE")) var tlsKey: String?
    @Option(help: ArgumentHelp("CA certificates (PEM) for callers' certificates.", valueName: "FILE")) var tlsCA: String?
    @Option(help: ArgumentHelp("Calling AE titles accepted besides the registered servers'.", valueName: "AE,AE,…"))
    var allowedCallers: String?
    @Flag(inversion: .prefixedNo, help: "Accept any calling AE title.") var open: Bool?

    var settings: [(key: String, value: String)] {
        let given: [(String, String?)] = [
            ("ae_title", aeTitle), ("receive_port", receivePort), ("storage", storage), ("tls_cert", tlsCert),
            ("tls_key", tlsKey), ("tls_ca", tlsCA), ("allowed_callers", allowedCallers), ("open", open.map(String.init)),
        ]
        return given.compactMap { key, value in value.map { (key, $0) } }
    }

    func validate() throws {
        if settings.isEmpty { throw ValidationError("nothing to set: give at least one option") }
    }

    func run() throws {
        let registry = global.registry
        try registry.setLocal(settings)
        print("Local settings saved to \(registry.files.user).")
    }
}
