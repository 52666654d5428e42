import Foundation
import PACSLink

/// `--json` output: one document, keys sorted, absent values as null, so scripts see a stable
/// shape.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// A server as `servers list --json` and `servers show --json` print it.
struct ServerJSON: Encodable {
    let entry: ServerEntry
    let file: String

    enum CodingKeys: String, CodingKey {
        case name, aeTitle = "ae_title", host, port, listenPort = "listen_port", compression, description, tls
        case verifyCertificate = "verify_certificate", tlsCA = "tls_ca", tlsCert = "tls_cert", tlsKey = "tls_key"
        case retrieveMethod = "retrieve_method", localAETitle = "local_ae_title", timeout, source, readOnly = "read_only"
        case file
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.name, forKey: .name)
        try c.encode(entry.aeTitle, forKey: .aeTitle)
        try c.encode(entry.host, forKey: .host)
        try c.encode(entry.port, forKey: .port)
        try c.encode(entry.listenPort, forKey: .listenPort)
        try c.encode(entry.compression, forKey: .compression)
        try c.encode(entry.description, forKey: .description)
        try c.encode(entry.tls, forKey: .tls)
        try c.encode(entry.verifyCertificate, forKey: .verifyCertificate)
        try c.encode(entry.tlsCA, forKey: .tlsCA)
        try c.encode(entry.tlsCert, forKey: .tlsCert)
        try c.encode(entry.tlsKey, forKey: .tlsKey)
        try c.encode(entry.retrieveMethod.rawValue, forKey: .retrieveMethod)
        try c.encode(entry.localAETitle, forKey: .localAETitle)
        try c.encode(entry.timeout, forKey: .timeout)
        try c.encode(entry.layer.rawValue, forKey: .source)
        try c.encode(entry.layer == .admin, forKey: .readOnly)
        try c.encode(file, forKey: .file)
    }
}

/// The local settings as `local show --json` prints them.
struct LocalJSON: Encodable {
    let local: LocalSettings

    enum CodingKeys: String, CodingKey {
        case aeTitle = "ae_title", receivePort = "receive_port", storage, tlsCert = "tls_cert", tlsKey = "tls_key"
        case tlsCA = "tls_ca", allowedCallers = "allowed_callers", open
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(local.aeTitle, forKey: .aeTitle)
        try c.encode(local.receivePort, forKey: .receivePort)
        try c.encode(local.storage, forKey: .storage)
        try c.encode(local.tlsCert, forKey: .tlsCert)
        try c.encode(local.tlsKey, forKey: .tlsKey)
        try c.encode(local.tlsCA, forKey: .tlsCA)
        try c.encode(local.allowedCallers, forKey: .allowedCallers)
        try c.encode(local.open, forKey: .open)
    }
}
