/// An application entity title as carried in the 16-byte Called-AE-title and Calling-AE-title
/// fields of A-ASSOCIATE-RQ/AC (PS3.8 §9.3.2, Table 9-11; PS3.5 §6.2 AE).
///
/// The wire form is exactly 16 bytes, space padded; leading and trailing spaces are not
/// significant. `field` keeps the received bytes untouched (so an AC can echo them back and a
/// round trip is byte-exact), `title` is the trimmed text for comparisons and display.
public struct AETitle: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes of the field, as received or as padded by `init(_:)`.
    public let field: [UInt8]

    /// Pads (or truncates) `title` to the 16-byte field. Validation of the AE repertoire is the
    /// caller's business; this type only frames bytes.
    public init(_ title: String) {
        var bytes = Array(title.utf8.prefix(16))
        bytes.append(contentsOf: repeatElement(0x20, count: 16 - bytes.count))
        field = bytes
    }

    /// Takes a received 16-byte field as is.
    public init?(field: some Collection<UInt8>) {
        guard field.count == 16 else { return nil }
        self.field = Array(field)
    }

    /// The title without its leading and trailing spaces (and NULs some peers pad with).
    public var title: String {
        let isPad: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x00 }
        guard let first = field.firstIndex(where: { !isPad($0) }),
            let last = field.lastIndex(where: { !isPad($0) })
        else { return "" }
        return String(decoding: field[first...last], as: UTF8.self)
    }

    public var description: String { title }

    /// Titles are equal when their significant characters are (PS3.5 §6.2: padding is not
    /// significant). Use `field` to compare wire bytes.
    public static func == (lhs: AETitle, rhs: AETitle) -> Bool { lhs.title == rhs.title }
    public func hash(into hasher: inout Hasher) { hasher.combine(title) }
}
