/// An Application Entity title (PS3.5 §6.2, VR AE) and its 16-byte field in A-ASSOCIATE-RQ/AC
/// (PS3.8 §9.3.2, Table 9-11).
///
/// Two ways in: `init(validating:)` for titles users and configuration supply (1 to 16
/// characters of the default repertoire, no backslash, no control characters, not only spaces;
/// case kept, since AE titles compare case-sensitively), and `init(_:)` / `init(field:)` for
/// framing what the wire carries, which is taken as it is so that a peer's odd title can still
/// be answered and reported. Leading and trailing spaces (and the NULs some peers pad with) are
/// not significant: equality compares `value`; `field` keeps the exact wire bytes.
public struct AETitle: Hashable, Sendable, CustomStringConvertible {
    /// The most characters an AE title may have.
    public static let maximumLength = 16

    /// The 16 bytes of the A-ASSOCIATE field, as received or padded with spaces.
    public let field: [UInt8]

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
        self.init(String(decoding: trimmed, as: UTF8.self))
    }

    /// Frames `title` as the 16-byte field without validating it: pads with spaces, or cuts
    /// to 16 bytes.
    public init(_ title: String) {
        var bytes = Array(title.utf8.prefix(Self.maximumLength))
        bytes.append(contentsOf: repeatElement(0x20, count: Self.maximumLength - bytes.count))
        field = bytes
    }

    /// Takes a received 16-byte field as it is; `nil` when it is not 16 bytes.
    public init?(field: some Collection<UInt8>) {
        guard field.count == Self.maximumLength else { return nil }
        self.field = Array(field)
    }

    /// The title without its non-significant leading and trailing spaces and NULs.
    public var value: String {
        let isPad: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x00 }
        guard let first = field.firstIndex(where: { !isPad($0) }),
            let last = field.lastIndex(where: { !isPad($0) })
        else { return "" }
        return String(decoding: field[first...last], as: UTF8.self)
    }

    public var description: String { value }

    public static func == (lhs: AETitle, rhs: AETitle) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
