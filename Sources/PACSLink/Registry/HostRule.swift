#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule for a server's host: an IPv4 address in dotted-decimal form, an IPv6 address
/// (RFC 4291 §2.2) with or without brackets (RFC 3986 §3.2.2) and an optional zone, or a domain
/// name per RFC 1123 §2.1 (labels of letters, digits and hyphens, 1–63 characters, not starting
/// or ending with a hyphen; at most 253 characters; a final dot allowed).
public enum HostRule {
    /// The host as given (brackets kept), or a `FieldError` naming `key` and the rule.
    public static func validate(_ value: String, key: String) throws(FieldError) -> String {
        if value.isEmpty {
            throw FieldError(key: key, "is empty: expected an IPv4 address, an IPv6 address or a domain name")
        }
        if value.hasPrefix("[") || value.contains(":") {
            try validateIPv6(value, key: key)
        } else if value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            try validateIPv4(value, key: key)
        } else {
            try validateDomainName(value, key: key)
        }
        return value
    }

    /// The address to resolve or connect to: an IPv6 address loses its brackets.
    public static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func validateIPv4(_ value: String, key: String) throws(FieldError) {
        let rule = "expected 4 decimal numbers 0–255 separated by dots, such as 10.0.4.12"
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else {
            throw FieldError(key: key, "\"\(value)\" is not an IPv4 address: \(rule)")
        }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let number = Int(part), number <= 255 else {
                throw FieldError(
                    key: key, "\"\(value)\" is not an IPv4 address: \"\(part)\" is not 0–255; \(rule)")
            }
            if part.count > 1 && part.hasPrefix("0") {
                throw FieldError(
                    key: key,
                    "\"\(value)\" is not an IPv4 address: \"\(part)\" has a leading zero (octal or decimal?); \(rule)")
            }
        }
    }

    private static func validateIPv6(_ value: String, key: String) throws(FieldError) {
        let rule = "expected an IPv6 address such as ::1 or [2001:db8::4], or an IPv4 address or domain name"
        let bracketed = value.hasPrefix("[") || value.hasSuffix("]")
        if bracketed && !(value.hasPrefix("[") && value.hasSuffix("]")) {
            throw FieldError(key: key, "\"\(value)\" has an unbalanced bracket: \(rule)")
        }
        let inner = unbracketed(value)
        let parts = inner.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        if parts.count == 2 {
            let zone = parts[1]
            guard !zone.isEmpty, zone.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else {
                throw FieldError(key: key, "\"\(value)\" has an invalid zone \"%\(zone)\": \(rule)")
            }
        }
        var storage = in6_addr()
        guard inet_pton(AF_INET6, address, &storage) == 1 else {
            throw FieldError(key: key, "\"\(value)\" is not an IPv6 address: \(rule)")
        }
    }

    private static func validateDomainName(_ value: String, key: String) throws(FieldError) {
        let rule = "expected a domain name of letters, digits, hyphens and dots (RFC 1123 §2.1)"
        let name = value.hasSuffix(".") ? String(value.dropLast()) : value
        guard name.utf8.count <= 253 else {
            throw FieldError(key: key, "\"\(value)\" has \(name.utf8.count) characters: a domain name has at most 253 (RFC 1123 §2.1)")
        }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty {
                throw FieldError(key: key, "\"\(value)\" has an empty label (two dots in a row, or a leading dot): \(rule)")
            }
            if label.utf8.count > 63 {
                throw FieldError(key: key, "\"\(value)\" has a label of \(label.utf8.count) characters: labels have at most 63 (RFC 1123 §2.1)")
            }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                throw FieldError(key: key, "\"\(value)\" contains \"\(bad)\": \(rule)")
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                throw FieldError(key: key, "\"\(value)\" has label \"\(label)\" starting or ending with a hyphen: \(rule)")
            }
        }
    }
}
