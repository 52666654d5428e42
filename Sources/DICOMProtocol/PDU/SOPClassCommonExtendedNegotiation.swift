/// SOP Class Common Extended Negotiation sub-item (PS3.8 §D.3.3.6, Table D.3-12): the service
/// class of a SOP class and its related general SOP classes. Sent by the requestor only.
public struct SOPClassCommonExtendedNegotiation: Sendable, Hashable {
    static let itemType: UInt8 = 0x57

    /// The Sub-Item-version byte (0 in the current standard), kept for byte-exact round trips.
    public var subItemVersion: UInt8
    public var sopClassUID: String
    public var serviceClassUID: String
    public var relatedGeneralSOPClassUIDs: [String]

    public init(
        sopClassUID: String, serviceClassUID: String, relatedGeneralSOPClassUIDs: [String] = [],
        subItemVersion: UInt8 = 0
    ) {
        self.subItemVersion = subItemVersion
        self.sopClassUID = sopClassUID
        self.serviceClassUID = serviceClassUID
        self.relatedGeneralSOPClassUIDs = relatedGeneralSOPClassUIDs
    }

    init(decoding body: inout ItemCursor, version: UInt8) throws {
        subItemVersion = version
        sopClassUID = try body.lengthPrefixedUID("SOP-class-uid")
        serviceClassUID = try body.lengthPrefixedUID("Service-class-uid")
        let length = Int(try body.uint16("Related-general-sop-class-identification-length"))
        var related = ItemCursor(
            try body.bytes(length, "Related-general-sop-class-identification"),
            pduStart: body.pduStart, context: body.context)
        var uids: [String] = []
        while !related.isAtEnd { uids.append(try related.lengthPrefixedUID("Related-general-sop-class-uid")) }
        relatedGeneralSOPClassUIDs = uids
        try body.expectEnd("SOP Class Common Extended Negotiation")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType, reserved: subItemVersion) {
            $0.writeLengthPrefixed(Array(sopClassUID.utf8))
            $0.writeLengthPrefixed(Array(serviceClassUID.utf8))
            var related = ByteWriter()
            for uid in relatedGeneralSOPClassUIDs { related.writeLengthPrefixed(Array(uid.utf8)) }
            $0.writeLengthPrefixed(related.bytes)
        }
    }
}
