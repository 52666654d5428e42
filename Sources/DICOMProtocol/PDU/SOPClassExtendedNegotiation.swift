/// SOP Class Extended Negotiation sub-item (PS3.8 §D.3.3.5, Table D.3-11): service-class
/// specific application information (e.g. PS3.4 C.5 relational query flags), kept as bytes.
public struct SOPClassExtendedNegotiation: Sendable, Hashable {
    static let itemType: UInt8 = 0x56

    public var sopClassUID: String
    public var serviceClassApplicationInformation: [UInt8]

    public init(sopClassUID: String, serviceClassApplicationInformation: [UInt8]) {
        self.sopClassUID = sopClassUID
        self.serviceClassApplicationInformation = serviceClassApplicationInformation
    }

    init(decoding body: inout ItemCursor) throws {
        sopClassUID = try body.lengthPrefixedUID("SOP-class-uid")
        serviceClassApplicationInformation = Array(body.rest())
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) {
            $0.writeLengthPrefixed(Array(sopClassUID.utf8))
            $0.writeBytes(contentsOf: serviceClassApplicationInformation)
        }
    }
}
