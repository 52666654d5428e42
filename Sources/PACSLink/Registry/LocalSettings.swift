/// Our own side: the AE title we call with and answer to, the port we receive on, where
/// received files go, our listener's TLS material and who may call us. Read from the
/// `[local]` sections: built-in defaults, then the administrator's file, then the user's, each
/// key of a later layer replacing the earlier one.
public struct LocalSettings: Sendable, Equatable {
    /// Our AE title (PS3.5 §6.2).
    public var aeTitle: String = "PACSLINK"
    /// The port our listener receives C-STOREs on (11112 is DICOM's registered port).
    public var receivePort: UInt16 = 11112
    /// The storage root for received and retrieved files.
    public var storage: String
    public var tlsCert: String?
    public var tlsKey: String?
    public var tlsCA: String?
    /// Calling AE titles accepted besides the registered servers' titles.
    public var allowedCallers: [String] = []
    /// Accept associations from any calling AE title.
    public var open: Bool = false

    /// The ini keys of the `[local]` section, in the order files are written.
    public static let keys = [
        "ae_title", "receive_port", "storage", "tls_cert", "tls_key", "tls_ca", "allowed_callers", "open",
    ]

    /// The built-in defaults; the storage root is `$XDG_DATA_HOME/pacslink`
    /// (XDG default `~/.local/share`).
    public init(environment: [String: String]) {
        storage = ConfigurationFiles.xdgDirectory(
            "XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/pacslink"
    }

    /// Sets each value in order, then checks the rules between fields.
    public mutating func apply(_ settings: [(key: String, value: String)]) throws(FieldError) {
        for setting in settings { try set(setting.key, setting.value) }
        try checkConsistency()
    }

    /// Parses and sets one value by its ini key (case-insensitive); for the TLS files an empty
    /// value clears the field.
    public mutating func set(_ key: String, _ value: String) throws(FieldError) {
        let key = key.lowercased()
        switch key {
        case "ae_title": aeTitle = try AETitleRule.validate(value, key: key)
        case "receive_port": receivePort = try ConfigValue.port(value, key: key)
        case "storage": storage = try ConfigValue.text(value, key: key)
        case "tls_cert": tlsCert = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "tls_key": tlsKey = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "tls_ca": tlsCA = try value.isEmpty ? nil : ConfigValue.text(value, key: key)
        case "allowed_callers":
            var callers: [String] = []
            for title in value.split(separator: ",", omittingEmptySubsequences: false) where !value.isEmpty {
                callers.append(try AETitleRule.validate(String(title), key: key))
            }
            allowedCallers = callers
        case "open": open = try ConfigValue.boolean(value, key: key)
        default: throw FieldError.unknownKey(key, expected: Self.keys)
        }
    }

    /// Our listener's certificate needs its key and the other way round.
    public func checkConsistency() throws(FieldError) {
        if (tlsCert == nil) != (tlsKey == nil) {
            let missing = tlsCert == nil ? "tls_cert" : "tls_key"
            throw FieldError(key: missing, "is missing: tls_cert and tls_key go together (the listener's certificate and its private key)")
        }
    }

    /// Every setting as ini text (absent optional fields as empty values).
    public var all: [(key: String, value: String)] {
        [
            ("ae_title", aeTitle), ("receive_port", String(receivePort)), ("storage", storage),
            ("tls_cert", tlsCert ?? ""), ("tls_key", tlsKey ?? ""), ("tls_ca", tlsCA ?? ""),
            ("allowed_callers", allowedCallers.joined(separator: ",")),
            ("open", ConfigValue.spelling(open)),
        ]
    }
}
