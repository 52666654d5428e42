/// Incremental PDU decoder (PS3.8 §9.3): feed bytes as they arrive, take PDUs out.
///
/// `next()` returns a PDU, `nil` when more bytes are needed, or throws `ProtocolError` for
/// malformed input (after which it keeps throwing: the association must be aborted).
///
/// The PDU-length is checked against the limits as soon as the 6-byte header is in, before
/// anything is buffered for the body: P-DATA-TF, A-RELEASE and A-ABORT against
/// `maximumPDULength` (the Maximum Length we advertised, PS3.8 §D.1), A-ASSOCIATE-RQ/AC/RJ
/// against the larger `maximumAssociatePDULength`. 0 means unlimited for either.
///
/// Buffering: one growable array, read from the front and compacted only when an append would
/// otherwise outgrow its capacity. A decoded P-DATA-TF refers to slices of that array, so its
/// payloads are never copied; when the caller has released the previous PDU before feeding
/// more bytes (the normal loop), the storage is reused in place and decoding allocates nothing.
/// If the caller still holds a PDU, the next feed copies the buffer (copy-on-write) and the
/// held PDU stays valid.
public struct PDUDecoder: Sendable {
    /// Limit for P-DATA-TF, A-RELEASE-RQ/RP and A-ABORT PDU-lengths; set it to the Maximum
    /// Length we advertised once the association is negotiated. 0 = unlimited.
    public var maximumPDULength: UInt32
    /// Limit for A-ASSOCIATE-RQ/AC/RJ PDU-lengths (they carry up to 128 presentation contexts
    /// and possibly a SAML or JWT user identity). 0 = unlimited.
    public var maximumAssociatePDULength: UInt32

    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var failure: ProtocolError?

    /// 16 KiB is DCMTK's default Maximum Length; 1 MiB comfortably holds any real A-ASSOCIATE.
    public static let defaultMaximumPDULength: UInt32 = 16_384
    public static let defaultMaximumAssociatePDULength: UInt32 = 1_048_576

    public init(
        maximumPDULength: UInt32 = defaultMaximumPDULength,
        maximumAssociatePDULength: UInt32 = defaultMaximumAssociatePDULength
    ) {
        self.maximumPDULength = maximumPDULength
        self.maximumAssociatePDULength = maximumAssociatePDULength
    }

    /// Bytes fed but not yet returned as PDUs.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends received bytes.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        makeRoom(for: bytes.count)
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes straight from a read buffer (the transport's path).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        makeRoom(for: bytes.count)
        buffer.append(contentsOf: bytes)
    }

    /// Drops consumed bytes only when needed: everything consumed → reset (keeping capacity);
    /// the append would outgrow the capacity → move the unconsumed tail to the front first.
    private mutating func makeRoom(for incoming: Int) {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex > 0 && buffer.count + incoming > buffer.capacity {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }

    /// The next complete PDU, or `nil` if more bytes are needed.
    public mutating func next() throws(ProtocolError) -> PDU? {
        if let failure { throw failure }
        do {
            return try decodeNext()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func decodeNext() throws(ProtocolError) -> PDU? {
        guard bufferedByteCount >= PDU.headerLength else { return nil }
        let start = readIndex
        let type = buffer[start]
        guard PDU.isKnown(type: type) else {
            throw ProtocolError(
                .unsupported, field: "PDU-type", offset: 0, "unknown PDU type \(String(hexByte: type))")
        }
        let length = UInt32(buffer[start + 2]) << 24 | UInt32(buffer[start + 3]) << 16
            | UInt32(buffer[start + 4]) << 8 | UInt32(buffer[start + 5])
        let isAssociate = type <= PDU.associateRJType
        let limit = isAssociate ? maximumAssociatePDULength : maximumPDULength
        guard limit == 0 || length <= limit else {
            throw ProtocolError(
                .tooLong, field: "\(PDU.name(ofType: type)) PDU-length", offset: 2,
                "\(length) bytes exceeds the \(isAssociate ? "association PDU" : "negotiated maximum") length of \(limit)")
        }
        let total = PDU.headerLength + Int(length)
        guard bufferedByteCount >= total else {
            // The length is now known to be acceptable: make room for the whole PDU once.
            if buffer.capacity - start < total { buffer.reserveCapacity(buffer.count - readIndex + total) }
            return nil
        }
        readIndex = start + total
        do {
            return try PDU.decode(type: type, body: buffer[(start + PDU.headerLength)..<readIndex], pduStart: start)
        } catch let error as ProtocolError {
            throw error
        } catch {
            throw ProtocolError(.malformed, field: PDU.name(ofType: type), offset: 0, "\(error)")
        }
    }
}
