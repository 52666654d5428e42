/// The character repertoire of a data set's SH, LO, ST, LT, PN, UC and UT values, named by
/// Specific Character Set (0008,0005) (PS3.5 §6.1.2.5, PS3.3 §C.12.1.1.2).
///
/// Supported: the default repertoire ISO_IR 6 (ASCII), ISO_IR 100 (Latin-1) and ISO_IR 192
/// (UTF-8); the single-byte ISO 2022 forms without code extensions mean the same.
/// Decoding never fails: bytes outside the declared repertoire are read as Latin-1 (PACS that
/// send Latin-1 without declaring it are common) or, for invalid UTF-8, replaced with U+FFFD.
public enum SpecificCharacterSet: Hashable, Sendable, CustomStringConvertible {
    /// ISO_IR 6, the default: no (0008,0005) or an empty value.
    case isoIR6
    /// ISO_IR 100, ISO 8859-1.
    case isoIR100
    /// ISO_IR 192, UTF-8.
    case isoIR192
    /// A defined term this implementation does not decode (e.g. ISO_IR 144, GB18030).
    case unsupported(String)

    /// The character set named by the values of (0008,0005), in order.
    public init(definedTerms: [String]) {
        let terms = definedTerms.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard let first = terms.first else {
            self = .isoIR6
            return
        }
        guard terms.allSatisfy({ $0 == first || $0 == "ISO 2022 IR 6" }) else {
            self = .unsupported(terms.joined(separator: "\\"))
            return
        }
        switch first {
        case "ISO_IR 6", "ISO 2022 IR 6": self = .isoIR6
        case "ISO_IR 100", "ISO 2022 IR 100": self = .isoIR100
        case "ISO_IR 192": self = .isoIR192
        default: self = .unsupported(first)
        }
    }

    /// The value to put in (0008,0005); empty for the default repertoire.
    public var definedTerm: String {
        switch self {
        case .isoIR6: ""
        case .isoIR100: "ISO_IR 100"
        case .isoIR192: "ISO_IR 192"
        case .unsupported(let term): term
        }
    }

    public var description: String { self == .isoIR6 ? "ISO_IR 6" : definedTerm }

    public func decode<C: Collection<UInt8>>(_ bytes: C) -> String {
        switch self {
        case .isoIR192:
            return String(decoding: bytes, as: UTF8.self)
        case .isoIR6, .isoIR100, .unsupported:
            // ASCII is UTF-8 as it stands; any other byte is the Latin-1 code point of its value.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var utf8: [UInt8] = []
            utf8.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                if byte < 0x80 {
                    utf8.append(byte)
                } else {
                    utf8.append(0xC0 | byte >> 6)
                    utf8.append(0x80 | byte & 0x3F)
                }
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// The bytes of `string` in this repertoire, or `nil` when a character has none.
    public func encode(_ string: String) -> [UInt8]? {
        switch self {
        case .isoIR192:
            return Array(string.utf8)
        case .isoIR100:
            return Self.singleByte(string, limit: 0xFF)
        case .isoIR6, .unsupported:
            return Self.singleByte(string, limit: 0x7F)
        }
    }

    private static func singleByte(_ string: String, limit: UInt32) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            guard scalar.value <= limit else { return nil }
            out.append(UInt8(scalar.value))
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
