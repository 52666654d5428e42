import Testing
@testable import PACSLink

/// Every value rule of the registry, accepted and refused; a refusal names the field and the rule.
@Suite("Registry validation")
struct RegistryValidationTests {
    /// The message of the `FieldError` `body` throws.
    private func refusal(_ body: () throws(FieldError) -> Void) -> FieldError? {
        do throws(FieldError) {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("PS3.5 6.2 AE titles of 1–16 default-repertoire characters are accepted, case kept",
          arguments: ["A", "HOSPPACS", "pacsLink", "ABCDEFGHIJKLMNOP", "MY AE", "A-B_C.1*", " PADDED  "])
    func aeTitleAccepted(_ title: String) throws {
        let accepted = try AETitleRule.validate(title, key: "ae_title")
        #expect(accepted == title.trimmingSpaces)
        #expect(accepted.count <= 16)
    }

    @Test("PS3.5 6.2 AE titles that break a rule are refused with the rule", arguments: [
        ("ABCDEFGHIJKLMNOPQ", "AE title \"ABCDEFGHIJKLMNOPQ\" is longer than 16 characters"),
        ("A\\B", "contains a backslash"),
        ("A\tB", "contains a control character"),
        ("AB\u{1B}", "contains a control character"),
        ("ÉCHO", "outside the default character repertoire"),
        ("    ", "is empty or only spaces"),
        ("", "is empty or only spaces"),
    ])
    func aeTitleRefused(_ title: String, _ rule: String) throws {
        let error = try #require(refusal { () throws(FieldError) in _ = try AETitleRule.validate(title, key: "ae_title") })
        #expect(error.key == "ae_title")
        #expect(error.description.hasPrefix("ae_title: "))
        #expect(error.problem.contains(rule), "\(error)")
        #expect(error.problem.contains("PS3.5 §6.2"))
    }

    @Test("hosts: IPv4, IPv6 with and without brackets, RFC 1123 names are accepted", arguments: [
        "10.0.4.12", "0.0.0.0", "255.255.255.255", "127.0.0.1", "::1", "[::1]",
        "0:0:0:0:0:ffff:a00:40c", "[2001:db8::4]", "fe80::1%eth0", "::ffff:10.0.0.1",
        "dicomserver.univ.com", "localhost", "pacs-1.hospital.example.", "1host.example", "a",
    ])
    func hostAccepted(_ host: String) throws {
        #expect(try HostRule.validate(host, key: "host") == host)
    }

    @Test("hosts that are neither an address nor an RFC 1123 name are refused", arguments: [
        ("300.1.1.1", "is not an IPv4 address: \"300\" is not 0–255"),
        ("10.0.4", "is not an IPv4 address"),
        ("10.0.04.1", "leading zero"),
        ("1.2.3.4.5", "is not an IPv4 address"),
        ("1::2::3", "is not an IPv6 address"),
        ("[::1", "unbalanced bracket"),
        ("::g", "is not an IPv6 address"),
        ("fe80::1%", "invalid zone"),
        ("dicom_server.univ.com", "contains \"_\""),
        ("-pacs.example", "starting or ending with a hyphen"),
        ("pacs..example", "empty label"),
        (String(repeating: "a", count: 64) + ".example", "label of 64 characters"),
        ("", "is empty"),
        ("pacs server", "contains \" \""),
    ])
    func hostRefused(_ host: String, _ rule: String) throws {
        let error = try #require(refusal { () throws(FieldError) in _ = try HostRule.validate(host, key: "host") })
        #expect(error.key == "host")
        #expect(error.problem.contains(rule), "\(error)")
    }

    @Test("brackets are dropped to connect to an IPv6 host")
    func unbracketed() {
        #expect(HostRule.unbracketed("[::1]") == "::1")
        #expect(HostRule.unbracketed("::1") == "::1")
        #expect(HostRule.unbracketed("pacs.example") == "pacs.example")
    }

    @Test("ports 1–65535 are accepted", arguments: [("1", 1), ("104", 104), ("11112", 11112), ("65535", 65535)])
    func portAccepted(_ text: String, _ port: UInt16) throws {
        #expect(try ConfigValue.port(text, key: "port") == port)
    }

    @Test("ports outside 1–65535 or not numbers are refused", arguments: [
        ("0", "0 is out of range: expected a port number 1–65535"),
        ("65536", "65536 is out of range"),
        ("999999999999", "out of range"),
        ("-1", "is not a port number"),
        ("104a", "is not a port number"),
        ("", "is not a port number"),
    ])
    func portRefused(_ text: String, _ rule: String) throws {
        let error = try #require(refusal { () throws(FieldError) in _ = try ConfigValue.port(text, key: "listen_port") })
        #expect(error.description.hasPrefix("listen_port: "))
        #expect(error.problem.contains(rule), "\(error)")
    }

    @Test("booleans: true/false, yes/no, on/off, 1/0 in any case", arguments: [
        ("true", true), ("YES", true), ("On", true), ("1", true),
        ("false", false), ("no", false), ("OFF", false), ("0", false),
    ])
    func booleanAccepted(_ text: String, _ value: Bool) throws {
        #expect(try ConfigValue.boolean(text, key: "tls") == value)
    }

    @Test("other booleans are refused", arguments: ["y", "2", "enabled", ""])
    func booleanRefused(_ text: String) throws {
        let error = try #require(refusal { () throws(FieldError) in _ = try ConfigValue.boolean(text, key: "tls") })
        #expect(error.description == "tls: \"\(text)\" is not a boolean: expected true/false, yes/no, on/off or 1/0")
    }

    @Test("compression: registry names (any case) and UIDs are accepted",
          arguments: ["jpeg-lossless", "jpeg2000-lossless", "jpeg-ls-lossless", "rle", "deflate", "explicit-le",
                      "JPEG-Lossless", "1.2.840.10008.1.2.4.70", "1.2.3.4.5"])
    func compressionAccepted(_ value: String) throws {
        #expect(try CompressionRule.validate(value, key: "compression") == value)
    }

    @Test("compression: unknown names and malformed UIDs are refused",
          arguments: ["jpeg-losless", "zip", "1.2.840.01", "1..2", ""])
    func compressionRefused(_ value: String) throws {
        let error = try #require(refusal { () throws(FieldError) in _ = try CompressionRule.validate(value, key: "compression") })
        #expect(error.problem.contains("is not a transfer syntax: expected a name such as jpeg-lossless"))
    }

    @Test("retrieve method move or get; timeouts positive seconds up to a day")
    func retrieveMethodAndTimeout() throws {
        #expect(try RetrieveMethod.parse("GET", key: "retrieve_method") == .get)
        #expect(try RetrieveMethod.parse("move", key: "retrieve_method") == .move)
        #expect(refusal { () throws(FieldError) in _ = try RetrieveMethod.parse("cget", key: "retrieve_method") }?
            .description == "retrieve_method: \"cget\" is not a retrieve method: expected move or get")
        #expect(try ConfigValue.seconds("2.5", key: "timeout") == 2.5)
        for bad in ["0", "-1", "abc", "86401", "inf", "nan", "1e3"] {
            #expect(refusal { () throws(FieldError) in _ = try ConfigValue.seconds(bad, key: "timeout") }?.key == "timeout", "\(bad)")
        }
    }

    @Test("server names: no quotes, backslashes, control characters or surrounding spaces")
    func serverNames() throws {
        #expect(try ServerEntry.validateName("Hospital PACS") == "Hospital PACS")
        for bad in ["", "a\"b", "a\\b", " lead", "trail ", "tab\there", String(repeating: "x", count: 65)] {
            #expect(refusal { () throws(FieldError) in _ = try ServerEntry.validateName(bad) }?.key == "name", "\(bad)")
        }
    }

    @Test("an entry needs ae_title, host and port; the listen port defaults to the port")
    func entryRules() throws {
        let entry = try ServerEntry(name: "S", settings: [("ae_title", "AE"), ("host", "::1"), ("port", "104")])
        #expect(entry.listenPort == 104 && entry.listenPortOverride == nil)
        #expect(entry.verifyCertificate && !entry.tls && entry.retrieveMethod == .move)
        #expect(entry.connectHost == "::1")
        let missing = refusal { () throws(FieldError) in _ = try ServerEntry(name: "S", settings: [("ae_title", "AE"), ("port", "1")]) }
        #expect(missing?.description == "host: is missing: every server needs ae_title, host, port")
        let unknown = refusal { () throws(FieldError) in
            _ = try ServerEntry(name: "S", settings: [("ae_title", "AE"), ("host", "h"), ("port", "1"), ("colour", "red")])
        }
        #expect(unknown?.isUnknownKey == true)
        #expect(unknown?.problem.hasPrefix("unknown key; expected one of ae_title, host, port") == true)
        let lonelyCert = refusal { () throws(FieldError) in
            _ = try ServerEntry(name: "S", settings: [("ae_title", "AE"), ("host", "h"), ("port", "1"), ("tls_cert", "c.pem")])
        }
        #expect(lonelyCert?.key == "tls_key")
    }
}
