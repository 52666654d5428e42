/// A DICOM Upper Layer protocol data unit (PS3.8 §9.3): the seven PDU types, closed.
///
/// Every PDU starts with a 6-byte header — PDU-type, a reserved byte and a 4-byte big-endian
/// PDU-length counting the bytes after the header (PS3.8 §9.3.1).
public enum PDU: Sendable, Hashable {
    case associateRQ(AssociateRQ)
    case associateAC(AssociateAC)
    case associateRJ(AssociateRJ)
    case pDataTF(PDataTF)
    case releaseRQ
    case releaseRP
    case abort(AAbort)

    static let associateRQType: UInt8 = 0x01
    static let associateACType: UInt8 = 0x02
    static let associateRJType: UInt8 = 0x03
    static let pDataTFType: UInt8 = 0x04
    static let releaseRQType: UInt8 = 0x05
    static let releaseRPType: UInt8 = 0x06
    static let abortType: UInt8 = 0x07

    /// PDU-type, reserved, PDU-length.
    public static let headerLength = 6

    /// The PDU-type byte (PS3.8 Table 9-11 … 9-26).
    public var type: UInt8 {
        switch self {
        case .associateRQ: Self.associateRQType
        case .associateAC: Self.associateACType
        case .associateRJ: Self.associateRJType
        case .pDataTF: Self.pDataTFType
        case .releaseRQ: Self.releaseRQType
        case .releaseRP: Self.releaseRPType
        case .abort: Self.abortType
        }
    }

    /// The standard's name, for logs and errors.
    public var name: String { Self.name(ofType: type) }

    static func name(ofType type: UInt8) -> String {
        switch type {
        case associateRQType: "A-ASSOCIATE-RQ"
        case associateACType: "A-ASSOCIATE-AC"
        case associateRJType: "A-ASSOCIATE-RJ"
        case pDataTFType: "P-DATA-TF"
        case releaseRQType: "A-RELEASE-RQ"
        case releaseRPType: "A-RELEASE-RP"
        case abortType: "A-ABORT"
        default: "PDU type \(String(hexByte: type))"
        }
    }

    static func isKnown(type: UInt8) -> Bool { (associateRQType...abortType).contains(type) }

    // MARK: Encoding

    /// The PDU as one buffer, header and body together (so a channel writes it in one call).
    public func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: encodedCapacityHint)
        encode(into: &writer)
        return writer.take()
    }

    /// Appends the PDU, header and body, to `writer`.
    public func encode(into writer: inout ByteWriter) {
        let start = writer.count
        Self.writeHeader(type: type, length: 0, into: &writer)
        switch self {
        case .associateRQ(let rq): rq.encode(into: &writer)
        case .associateAC(let ac): ac.encode(into: &writer)
        case .associateRJ(let rj): rj.encode(into: &writer)
        case .pDataTF(let p): p.encode(into: &writer)
        case .releaseRQ, .releaseRP: writer.writeUInt32(0, .bigEndian)
        case .abort(let abort): abort.encode(into: &writer)
        }
        let length = writer.count - start - Self.headerLength
        precondition(length <= Int(UInt32.max), "PDU body exceeds the 32-bit PDU-length")
        writer.patch(UInt32(length), at: start + 2, .bigEndian)
    }

    private var encodedCapacityHint: Int {
        if case .pDataTF(let p) = self { return Self.headerLength + p.items.count }
        return 512
    }

    static func writeHeader(type: UInt8, length: Int, into writer: inout ByteWriter) {
        writer.writeUInt8(type)
        writer.writeUInt8(0)
        writer.writeUInt32(UInt32(length), .bigEndian)
    }

    // MARK: Decoding

    /// Decodes one complete PDU whose header says `type` and whose body is `body` (a slice of
    /// the receive buffer; P-DATA-TF keeps referring to it). `pduStart` is the index of the
    /// header in the same storage, for error offsets.
    static func decode(type: UInt8, body: ArraySlice<UInt8>, pduStart: Int) throws -> PDU {
        var cursor = ItemCursor(body, pduStart: pduStart, context: name(ofType: type))
        switch type {
        case associateRQType: return .associateRQ(try AssociateRQ(decoding: &cursor))
        case associateACType: return .associateAC(try AssociateAC(decoding: &cursor))
        case associateRJType: return .associateRJ(try AssociateRJ(decoding: &cursor))
        case pDataTFType: return .pDataTF(try PDataTF(decoding: &cursor))
        case releaseRQType, releaseRPType:
            try cursor.skip(4, "reserved")
            try cursor.expectEnd(name(ofType: type))
            return type == releaseRQType ? .releaseRQ : .releaseRP
        case abortType: return .abort(try AAbort(decoding: &cursor))
        default:
            throw ProtocolError(
                .unsupported, field: "PDU-type", offset: 0, "unknown PDU type \(String(hexByte: type))")
        }
    }

    /// Decodes exactly one PDU from `bytes` (a whole buffer, e.g. in tests or a capture).
    public init(decoding bytes: ArraySlice<UInt8>) throws {
        var decoder = PDUDecoder(maximumPDULength: 0, maximumAssociatePDULength: 0)
        decoder.feed(bytes)
        guard let pdu = try decoder.next() else {
            throw ProtocolError(.truncated, field: "PDU", offset: bytes.count, "input ends inside the PDU")
        }
        guard decoder.bufferedByteCount == 0 else {
            throw ProtocolError(
                .malformed, field: "PDU", offset: bytes.count - decoder.bufferedByteCount,
                "\(decoder.bufferedByteCount) bytes follow the PDU")
        }
        self = pdu
    }
}
