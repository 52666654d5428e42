/// A transfer syntax: how a data set is encoded on the wire or in a file (PS3.5 §10), named by
/// a UID registered in PS3.6 Annex A.
///
/// The registry (`TransferSyntax.all`) carries every transfer syntax of PS3.6, retired ones
/// included. A UID the registry does not know (a private or a later syntax) is still
/// representable through `init(uid:)`, with conservative flags. Equality and hashing use the
/// UID alone.
public struct TransferSyntax: Hashable, Sendable, CustomStringConvertible {
    /// The Transfer Syntax UID (PS3.6 Annex A).
    public let uid: String
    /// The standard's name, as in PS3.6 Table A-1; the UID itself for an unknown syntax.
    public let name: String
    /// The names a user may type for this syntax (`--compression`, `compression =`), lower
    /// case; the first is canonical and is what PACSLink prints. Empty for an unknown syntax.
    public let compressionNames: [String]
    /// Elements carry their VR (PS3.5 §7.1.2); false only for the implicit VR syntaxes.
    public let isExplicitVR: Bool
    /// Byte order of the data set's binary values (PS3.5 §7.3).
    public let byteOrder: ByteOrder
    /// Pixel Data is encapsulated in fragments (PS3.5 §8.2, Annex A.4).
    public let isEncapsulated: Bool
    /// The whole data set is compressed with Deflate after encoding (PS3.5 Annex A.5).
    public let isDeflated: Bool
    /// Decoding restores the original pixel values exactly (PS3.5 Annex A; a syntax that
    /// merely allows a lossless mode, such as JPEG 2000, is not lossless here).
    public let isLossless: Bool
    /// Retired from the standard: recognised when received, never proposed by default.
    public let isRetired: Bool

    public init(
        uid: String, name: String, compressionNames: [String],
        isExplicitVR: Bool = true, byteOrder: ByteOrder = .littleEndian,
        isEncapsulated: Bool = false, isDeflated: Bool = false,
        isLossless: Bool = false, isRetired: Bool = false
    ) {
        self.uid = uid
        self.name = name
        self.compressionNames = compressionNames
        self.isExplicitVR = isExplicitVR
        self.byteOrder = byteOrder
        self.isEncapsulated = isEncapsulated
        self.isDeflated = isDeflated
        self.isLossless = isLossless
        self.isRetired = isRetired
    }

    /// The registered syntax with this UID, or else an unknown one with conservative flags:
    /// explicit VR little endian (every syntax registered since 1993 is), encapsulated pixel
    /// data and lossy, so that nothing assumes it can read or re-encode the pixels.
    public init(uid: String) {
        self = Self.byUID[uid] ?? TransferSyntax(
            uid: uid, name: uid, compressionNames: [], isEncapsulated: true)
    }

    /// Whether PS3.6 registers this syntax.
    public var isKnown: Bool { Self.byUID[uid] != nil }

    /// The canonical user-facing name, or the UID for a syntax that has none.
    public var canonicalName: String { compressionNames.first ?? uid }

    public static func == (lhs: TransferSyntax, rhs: TransferSyntax) -> Bool { lhs.uid == rhs.uid }
    public func hash(into hasher: inout Hasher) { hasher.combine(uid) }

    public var description: String { "\(name) (\(uid))" }

    private static let byUID: [String: TransferSyntax] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.uid, $0) })

    private static let byName: [String: TransferSyntax] = Dictionary(
        uniqueKeysWithValues: all.flatMap { syntax in syntax.compressionNames.map { ($0, syntax) } })

    /// What a user typed: a compression name (case-insensitive, e.g. `JPEG-Lossless`) or a UID.
    /// A registered UID gives its entry; any other valid UID (PS3.5 §9.1) gives an unknown
    /// syntax as `init(uid:)` does; anything else, such as a misspelt name, gives `nil`.
    public static func lookup(_ nameOrUID: String) -> TransferSyntax? {
        if let syntax = byName[nameOrUID.lowercased()] { return syntax }
        guard UID.isValid(nameOrUID) else { return nil }
        return TransferSyntax(uid: nameOrUID)
    }
}
