/// An Application Entity title, validated (PS3.5 §6.2, VR AE): 1 to 16 characters of the
/// default character repertoire (ISO-IR 6), no backslash, no control characters, not only
/// spaces. Leading and trailing spaces are not significant and are dropped; case is kept
/// (AE titles compare case-sensitively).
public struct AETitle: Hashable, Sendable, CustomStringConvertible {
    /// The most characters an AE title may have.
    public static let maximumLength = 16

    /// The title without its non-significant leading and trailing spaces.
    public let value: String

    /// Validates `text`, throwing `ProtocolError.invalidValue` that names `field` and the rule
    /// broken.
    public init(validating text: String, field: String = "AE title") throws(ProtocolError) {
        let bytes = Array(text.utf8)
        let trimmed = bytes.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
        func refuse(_ rule: String) -> ProtocolError {
            ProtocolError(.invalidValue, field: field, "AE title \"\(text)\" \(rule) (PS3.5 §6.2, AE)")
        }
        if trimmed.isEmpty { throw refuse("is empty or only spaces") }
        if trimmed.contains(UInt8(ascii: "\\")) { throw refuse("contains a backslash") }
        if trimmed.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw refuse("contains a control character")
        }
        if trimmed.contains(where: { $0 > 0x7F }) {
            throw refuse("contains a character outside the default character repertoire (ASCII)")
        }
        if trimmed.count > Self.maximumLength {
            throw refuse("is longer than \(Self.maximumLength) characters")
        }
        value = String(decoding: trimmed, as: UTF8.self)
    }

    /// The title as the 16-byte field of A-ASSOCIATE-RQ/AC (PS3.8 §9.3.2), padded with spaces.
    public var paddedBytes: [UInt8] {
        Array(value.utf8) + Array(repeating: 0x20, count: Self.maximumLength - value.utf8.count)
    }

    public var description: String { value }
}
