/// SCP/SCU Role Selection sub-item (PS3.8 §D.3.3.4, Tables D.3-9 and D.3-10).
///
/// In an A-ASSOCIATE-RQ `scuRole`/`scpRole` say whether the requestor proposes to act as SCU
/// and/or SCP for the SOP class; in the AC they say whether the acceptor agrees (1) or not (0).
public struct RoleSelection: Sendable, Hashable {
    static let itemType: UInt8 = 0x54

    public var sopClassUID: String
    public var scuRole: Bool
    public var scpRole: Bool

    public init(sopClassUID: String, scuRole: Bool, scpRole: Bool) {
        self.sopClassUID = sopClassUID
        self.scuRole = scuRole
        self.scpRole = scpRole
    }

    init(decoding body: inout ItemCursor) throws {
        sopClassUID = try body.lengthPrefixedUID("SOP-class-uid")
        scuRole = try Self.role(&body, "SCU-role")
        scpRole = try Self.role(&body, "SCP-role")
        try body.expectEnd("SCP/SCU Role Selection")
    }

    private static func role(_ body: inout ItemCursor, _ field: String) throws -> Bool {
        switch try body.uint8(field) {
        case 0: return false
        case 1: return true
        case let other: throw body.error(.invalidValue, field, "is \(other), must be 0 or 1")
        }
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) {
            $0.writeLengthPrefixed(Array(sopClassUID.utf8))
            $0.writeUInt8(scuRole ? 1 : 0)
            $0.writeUInt8(scpRole ? 1 : 0)
        }
    }
}
