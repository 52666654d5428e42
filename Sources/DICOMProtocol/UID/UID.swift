/// Rules and constants for Unique Identifiers (PS3.5 §9).
///
/// A UID is a string of numeric components separated by dots, at most 64 characters
/// (PS3.5 §9.1). Values read from the wire may carry one trailing NUL pad byte (PS3.5 §6.2,
/// UI); callers strip it before validating.
public enum UID {
    /// The longest UID PS3.5 §9.1 allows.
    public static let maximumLength = 64

    /// PACSLink's Implementation Class UID (PS3.7 Annex D.3.3.2): a fixed UUID-derived UID
    /// (PS3.5 §B.2), identifying this implementation in every A-ASSOCIATE and file meta group.
    public static let implementationClassUID = "2.25.127422922403190822559713052991844629572"

    /// PACSLink's Implementation Version Name (PS3.7 Annex D.3.3.2): at most 16 characters.
    public static let implementationVersionName = "PACSLINK_010"

    /// Whether `value` follows PS3.5 §9.1.
    public static func isValid(_ value: String) -> Bool { violation(in: value) == nil }

    /// Throws `ProtocolError.invalidValue` naming `field` and the rule `value` breaks.
    public static func validate(_ value: String, field: String) throws(ProtocolError) {
        if let rule = violation(in: value) {
            throw ProtocolError(.invalidValue, field: field, "UID \"\(value)\" \(rule) (PS3.5 §9.1)")
        }
    }

    /// The rule of PS3.5 §9.1 that `value` breaks, or `nil` when it is a valid UID.
    private static func violation(in value: String) -> String? {
        let bytes = value.utf8
        if bytes.isEmpty { return "is empty" }
        if bytes.count > maximumLength { return "is longer than \(maximumLength) characters" }
        var componentLength = 0
        var componentStartsWithZero = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."):
                if componentLength == 0 { return "has an empty component" }
                componentLength = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if componentLength == 0 {
                    componentStartsWithZero = byte == UInt8(ascii: "0")
                } else if componentStartsWithZero {
                    return "has a component with a leading zero"
                }
                componentLength += 1
            default:
                return "contains a character other than digits and dots"
            }
        }
        if componentLength == 0 { return "ends with a dot" }
        return nil
    }

    /// A new UID under the `2.25` root, the decimal form of a random (version 4) UUID
    /// (PS3.5 §B.2, ITU-T X.667): unique without any registration.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// As `generate()`, drawing the UUID's bits from `generator`.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        // RFC 4122 §4.1.3, §4.4: version 4 in the high nibble of octet 6, variant 10 in the top
        // bits of octet 8.
        high = (high & ~0xF000) | 0x4000
        low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000
        return "2.25." + decimal(high: high, low: low)
    }

    /// The decimal digits of the 128-bit integer `high << 64 | low`, without leading zeros.
    static func decimal(high: UInt64, low: UInt64) -> String {
        // Long division by 10 over four 32-bit limbs, most significant first.
        var limbs: [UInt64] = [high >> 32, high & 0xFFFF_FFFF, low >> 32, low & 0xFFFF_FFFF]
        var digits: [UInt8] = []
        repeat {
            var remainder: UInt64 = 0
            for i in limbs.indices {
                let value = remainder << 32 | limbs[i]
                limbs[i] = value / 10
                remainder = value % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
        } while limbs.contains(where: { $0 != 0 })
        return String(decoding: digits.reversed(), as: UTF8.self)
    }
}
