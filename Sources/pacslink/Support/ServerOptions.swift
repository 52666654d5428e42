import ArgumentParser
import PACSLink

/// The fields of a server, as `servers add` and `servers edit` take them. Values stay text
/// here: the registry checks them, so the command line and the ini files give the same
/// messages.
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("ae"), help: "The server's AE title (1–16 characters).")
    var aeTitle: String?
    @Option(help: "IPv4 address, IPv6 address (brackets allowed) or domain name.")
    var host: String?
    @Option(help: "The server's port (1–65535).")
    var port: String?
    @Option(help: "The port we receive this server's C-MOVE sub-associations on (default: the port).")
    var listenPort: String?
    @Option(help: ArgumentHelp("Preferred transfer syntax: a name such as jpeg-lossless, or a UID.", valueName: "NAME|UID"))
    var compression: String?
    @Option(help: ArgumentHelp("Free text shown in lists.", valueName: "TEXT"))
    var description: String?
    @Flag(inversion: .prefixedNo, help: "Talk TLS to this server.")
    var tls: Bool?
    @Flag(inversion: .prefixedNo, help: "Verify the server's TLS certificate (default: on).")
    var verifyCertificate: Bool?
    @Option(help: ArgumentHelp("CA certificates (PEM) to verify the server with.", valueName: "FILE"))
    var tlsCA: String?
    @Option(help: ArgumentHelp("Our client certificate (PEM), with --tls-key.", valueName: "FILE"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The client certificate's private key (PEM).", valueName: "FILE"))
    var tlsKey: String?
    @Option(help: ArgumentHelp("C-MOVE or C-GET.", valueName: "move|get"))
    var retrieveMethod: String?
    @Option(name: .customLong("local-ae"), help: ArgumentHelp("Our calling AE title for this server.", valueName: "AE"))
    var localAETitle: String?
    @Option(help: ArgumentHelp("Seconds to wait per network phase with this server.", valueName: "SECONDS"))
    var timeout: String?

    /// The given options as registry settings (ini keys), in the order of the file format.
    var settings: [(key: String, value: String)] {
        let given: [(String, String?)] = [
            ("ae_title", aeTitle), ("host", host), ("port", port), ("listen_port", listenPort),
            ("compression", compression), ("description", description), ("tls", tls.map(String.init)),
            ("verify_certificate", verifyCertificate.map(String.init)), ("tls_ca", tlsCA),
            ("tls_cert", tlsCert), ("tls_key", tlsKey), ("retrieve_method", retrieveMethod),
            ("local_ae_title", localAETitle), ("timeout", timeout),
        ]
        return given.compactMap { key, value in value.map { (key, $0) } }
    }
}
