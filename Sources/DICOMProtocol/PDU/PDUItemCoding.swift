/// Framing shared by every PDU item and sub-item: a 1-byte type, a 1-byte reserved (or
/// version) field and a 2-byte big-endian length, then the body (PS3.8 §9.3.2.2, Annex D).

/// Reads items from a PDU body, naming what failed and where.
struct ItemCursor {
    var reader: ByteReader
    /// Index of the first byte of the PDU in the underlying storage: offsets in errors count
    /// from there.
    let pduStart: Int
    /// The PDU or item being decoded, for error messages ("A-ASSOCIATE-RQ").
    let context: String

    init(_ bytes: ArraySlice<UInt8>, pduStart: Int, context: String) {
        reader = ByteReader(bytes)
        self.pduStart = pduStart
        self.context = context
    }

    var offset: Int { reader.index - pduStart }
    var isAtEnd: Bool { reader.remaining == 0 }

    func error(_ kind: ProtocolError.Kind, _ field: String, _ detail: String) -> ProtocolError {
        ProtocolError(kind, field: "\(context) \(field)", offset: offset, detail)
    }

    mutating func uint8(_ field: @autoclosure () -> String) throws -> UInt8 {
        guard let v = reader.readUInt8() else { throw truncated(field, 1) }
        return v
    }

    mutating func uint16(_ field: @autoclosure () -> String) throws -> UInt16 {
        guard let v = reader.readUInt16(.bigEndian) else { throw truncated(field, 2) }
        return v
    }

    mutating func uint32(_ field: @autoclosure () -> String) throws -> UInt32 {
        guard let v = reader.readUInt32(.bigEndian) else { throw truncated(field, 4) }
        return v
    }

    mutating func bytes(_ count: Int, _ field: @autoclosure () -> String) throws -> ArraySlice<UInt8> {
        guard let v = reader.readSlice(count) else { throw truncated(field, count) }
        return v
    }

    mutating func skip(_ count: Int, _ field: @autoclosure () -> String) throws {
        guard reader.skip(count) else { throw truncated(field, count) }
    }

    /// Everything not yet read.
    mutating func rest() -> ArraySlice<UInt8> { reader.readSlice(reader.remaining) ?? [] }

    /// A UID field of `count` bytes (PS3.8 Annex F: UIDs are not padded, but a trailing NUL
    /// from lenient peers is tolerated).
    mutating func uid(_ count: Int, _ field: @autoclosure () -> String) throws -> String {
        String(decodingUID: try bytes(count, field()))
    }

    /// A 2-byte length followed by that many bytes of UID (role selection, extended negotiation).
    mutating func lengthPrefixedUID(_ field: @autoclosure () -> String) throws -> String {
        try uid(Int(try uint16("\(field()) length")), field())
    }

    /// The next item: its type, the byte after the type and a cursor over its body. `nil` at
    /// the end; throws when the header or the body is cut short.
    mutating func item() throws -> (type: UInt8, reserved: UInt8, body: ItemCursor)? {
        guard !isAtEnd else { return nil }
        let type = try uint8("item type")
        let reserved = try uint8("item reserved byte")
        let length = Int(try uint16("item length"))
        let body = try bytes(length, "item \(String(hexByte: type)) (\(length) bytes declared)")
        return (type, reserved, ItemCursor(body, pduStart: pduStart, context: context))
    }

    /// Throws unless the body was consumed exactly (an inconsistent item length).
    func expectEnd(_ field: String) throws {
        guard isAtEnd else {
            throw error(.malformed, field, "\(reader.remaining) unexpected bytes at the end of the item")
        }
    }

    private func truncated(_ field: () -> String, _ count: Int) -> ProtocolError {
        error(.truncated, field(), "needs \(count) bytes, \(reader.remaining) remain")
    }
}

extension String {
    init(decodingUID bytes: ArraySlice<UInt8>) {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0 { end -= 1 }
        self.init(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// "0x5A" style rendering of an item or PDU type.
    init(hexByte value: UInt8) {
        let digits = String(value, radix: 16, uppercase: true)
        self = "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}

extension ByteWriter {
    /// Writes an item header, lets `body` write the body, then patches the 2-byte length.
    /// An item longer than 65,535 bytes cannot be represented: that is a programming error in
    /// the caller (UIDs are ≤ 64 bytes, names ≤ 16), so it stops here rather than lie on the wire.
    mutating func writeItem(_ type: UInt8, reserved: UInt8 = 0, _ body: (inout ByteWriter) -> Void) {
        writeUInt8(type)
        writeUInt8(reserved)
        let lengthAt = count
        writeUInt16(0, .bigEndian)
        body(&self)
        let length = count - lengthAt - 2
        precondition(length <= Int(UInt16.max), "PDU item 0x\(String(type, radix: 16)) exceeds 65535 bytes")
        patchUInt16(UInt16(length), at: lengthAt, .bigEndian)
    }

    mutating func writeASCII(_ text: String) { writeBytes(contentsOf: text.utf8) }

    /// A 2-byte length and the UID (PS3.8 D.3.3.4–D.3.3.6).
    mutating func writeLengthPrefixed(_ bytes: some Collection<UInt8>) {
        precondition(bytes.count <= Int(UInt16.max), "length-prefixed field exceeds 65535 bytes")
        writeUInt16(UInt16(bytes.count), .bigEndian)
        writeBytes(contentsOf: bytes)
    }
}
