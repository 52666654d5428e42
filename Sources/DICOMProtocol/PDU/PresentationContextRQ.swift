/// Presentation Context item of an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2, Table 9-13): one abstract
/// syntax (item 0x30) and the transfer syntaxes (items 0x40) the requestor offers for it.
public struct PresentationContextRQ: Sendable, Hashable {
    static let itemType: UInt8 = 0x20
    static let abstractSyntaxType: UInt8 = 0x30
    static let transferSyntaxType: UInt8 = 0x40

    /// Odd, 1–255 (PS3.8 §9.3.2.2); not enforced here: negotiation rejects even IDs.
    public var id: UInt8
    public var abstractSyntax: String
    public var transferSyntaxes: [String]

    public init(id: UInt8, abstractSyntax: String, transferSyntaxes: [String]) {
        self.id = id
        self.abstractSyntax = abstractSyntax
        self.transferSyntaxes = transferSyntaxes
    }

    init(decoding body: inout ItemCursor) throws {
        id = try body.uint8("Presentation-context-ID")
        try body.skip(3, "reserved")
        var abstract: String?
        var transfers: [String] = []
        while let (type, _, item) = try body.item() {
            var sub = item
            let text = try sub.uid(sub.reader.remaining, "UID")
            switch type {
            case Self.abstractSyntaxType where abstract == nil: abstract = text
            case Self.transferSyntaxType: transfers.append(text)
            default:
                throw body.error(.malformed, "sub-item", "unexpected sub-item \(String(hexByte: type))")
            }
        }
        guard let abstract else {
            throw body.error(.malformed, "Abstract Syntax sub-item", "is missing")
        }
        guard !transfers.isEmpty else {
            throw body.error(.malformed, "Transfer Syntax sub-item", "is missing (at least one is required)")
        }
        abstractSyntax = abstract
        transferSyntaxes = transfers
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) { w in
            w.writeUInt8(id)
            w.writeUInt8(0); w.writeUInt8(0); w.writeUInt8(0)
            w.writeItem(Self.abstractSyntaxType) { $0.writeASCII(abstractSyntax) }
            for ts in transferSyntaxes {
                w.writeItem(Self.transferSyntaxType) { $0.writeASCII(ts) }
            }
        }
    }
}
