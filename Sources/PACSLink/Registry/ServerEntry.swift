/// A DICOM server as users register it: where it is, how to talk to it, and which file it
/// came from. Every field maps to one key of a `[server "NAME"]` section; `set(_:_:)` is the
/// one place values are parsed and checked, for the ini reader and the command line alike.
public struct ServerEntry: Sendable, Equatable {
    /// Unique among the servers of both files; shown in lists.
    public var name: String
    /// The called AE title (PS3.5 §6.2), case kept.
    public var aeTitle: String
    /// IPv4, IPv6 (brackets allowed) or a domain name, as written.
    public var host: String
    public var port: UInt16
    /// The port our listener expects this server's C-MOVE sub-associations on, when set.
    public var listenPortOverride: UInt16?
    /// A transfer-syntax name or UID we prefer to propose first.
    public var compression: String?
    public var description: String?
    public var tls: Bool = false
    /// Verify the server's certificate (chain and host name) when TLS is on.
    public var verifyCertificate: Bool = true
    public var tlsCA: String?
    public var tlsCert: String?
    public var tlsKey: String?
    public var retrieveMethod: RetrieveMethod = .move
    /// Our calling AE title for this server, replacing the local one.
    public var localAETitle: String?
    /// Seconds to wait per network phase, replacing the default.
    public var timeout: Double?
    /// The file this entry was read from.
    public var layer: ConfigurationLayer = .user

    /// The port our listener expects this server on: the override, else the server's port.
    public var listenPort: UInt16 { listenPortOverride ?? port }

    /// The host to resolve or connect to (an IPv6 address without brackets).
    public var connectHost: String { HostRule.unbracketed(host) }

    /// The ini keys of a server section, in the order files are written.
    public static let keys = [
        "ae_title", "host", "port", "listen_port", "compression", "description", "tls",
        "verify_certificate", "tls_ca", "tls_cert", "tls_key", "retrieve_method", "local_ae_title",
        "timeout",
    ]
    /// The keys every server needs.
    public static let requiredKeys = ["ae_title", "host", "port"]

    /// An entry built from `(key, value)` settings as in a file or on the command line; the
    /// required keys must be among them.
    public init(name: String, settings: [(key: String, value: String)]) throws(FieldError) {
        let name = try Self.validateName(name)
        let given = Set(settings.map { $0.key.lowercased() })
        if let missing = Self.requiredKeys.first(where: { !given.contains($0) }) {
            throw FieldError(key: missing, "is missing: every server needs \(Self.requiredKeys.joined(separator: ", "))")
        }
        self.init(unchecked: name)
        try apply(settings)
    }

    /// An entry with empty required fields, filled by `set(_:_:)`.
    init(unchecked name: String) {
        self.name = name
        aeTitle = ""
        host = ""
        port = 0
    }

    /// Sets each value in order, then checks the rules between fields.
    public mutating func apply(_ settings: [(key: String, value: String)]) throws(FieldError) {
        for setting in settings { try set(setting.key, setting.value) }
        try checkConsistency()
    }

    /// Parses and sets one value by its ini key (case-insensitive). For the optional text
    /// fields an empty value clears the field.
    public mutating func set(_ key: String, _ value: String) throws(FieldError) {
        let key = key.lowercased()
        switch key {
        case "ae_title": aeTitle = try AETitleRule.validate(value, key: key)
        case "host": host = try HostRule.validate(value, key: key)
        case "port": port = try ConfigValue.port(value, key: key)
        case "listen_port": listenPortOverride = try ConfigValue.port(value, key: key)
        case "compression": compression = try value.isEmpty ? nil : CompressionRule.validate(value, key: key)
        case "description": description = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "tls": tls = try ConfigValue.boolean(value, key: key)
        case "verify_certificate": verifyCertificate = try ConfigValue.boolean(value, key: key)
        case "tls_ca": tlsCA = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "tls_cert": tlsCert = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "tls_key": tlsKey = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "retrieve_method": retrieveMethod = try RetrieveMethod.parse(value, key: key)
        case "local_ae_title": localAETitle = try value.isEmpty ? nil : AETitleRule.validate(value, key: key)
        case "timeout": timeout = try ConfigValue.seconds(value, key: key)
        default: throw FieldError.unknownKey(key, expected: Self.keys)
        }
    }

    /// The rules between fields: a client certificate needs its key and the other way round.
    public func checkConsistency() throws(FieldError) {
        if (tlsCert == nil) != (tlsKey == nil) {
            let missing = tlsCert == nil ? "tls_cert" : "tls_key"
            throw FieldError(key: missing, "is missing: tls_cert and tls_key go together (a client certificate and its private key)")
        }
    }

    /// The entry as ini settings, in `keys` order; defaults are left out.
    public var settings: [(key: String, value: String)] {
        var result: [(key: String, value: String)] = [
            ("ae_title", aeTitle), ("host", host), ("port", String(port)),
        ]
        if let listenPortOverride { result.append(("listen_port", String(listenPortOverride))) }
        if let compression { result.append(("compression", compression)) }
        if let description { result.append(("description", description)) }
        if tls { result.append(("tls", ConfigValue.spelling(true))) }
        if !verifyCertificate { result.append(("verify_certificate", ConfigValue.spelling(false))) }
        if let tlsCA { result.append(("tls_ca", tlsCA)) }
        if let tlsCert { result.append(("tls_cert", tlsCert)) }
        if let tlsKey { result.append(("tls_key", tlsKey)) }
        if retrieveMethod != .move { result.append(("retrieve_method", retrieveMethod.rawValue)) }
        if let localAETitle { result.append(("local_ae_title", localAETitle)) }
        if let timeout { result.append(("timeout", ConfigValue.spelling(timeout))) }
        return result
    }

    /// A server name: 1–64 characters, no double quote, backslash or control character, no
    /// leading or trailing space (it is written as `[server "NAME"]`).
    public static func validateName(_ name: String) throws(FieldError) -> String {
        let rule = "expected 1–64 characters without double quotes, backslashes, control characters or leading/trailing spaces"
        guard !name.isEmpty, name.count <= 64, name.trimmingSpaces == name,
            !name.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw FieldError(key: "name", "\"\(name)\" is not a server name: \(rule)")
        }
        return name
    }
}
