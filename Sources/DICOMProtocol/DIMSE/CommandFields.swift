/// Where a command's fields go as a message lists them, in ascending tag order (PS3.7 Table
/// E.1-1): a `DataSet` (its command set), or `CommandSetBytes` (the command set encoded as the
/// fields come, no `DataSet` in between — for the messages sent once per C-STORE or C-ECHO).
protocol CommandFields {
    mutating func add(_ tag: Tag, uint16 value: UInt16)
    /// A text value (UI, AE, LO), padded to even length (PS3.5 §6.2) as `DataSet.setPadded` does.
    mutating func add(_ tag: Tag, text value: String, vr: VR)
}

extension DataSet: CommandFields {
    mutating func add(_ tag: Tag, uint16 value: UInt16) { setUInt16(value, for: tag) }
    mutating func add(_ tag: Tag, text value: String, vr: VR) { setPadded(value, for: tag, vr: vr) }
}

extension CommandFields {
    /// Affected SOP Class UID, Command Field and Message ID: the first fields of the requests
    /// listed here (0000,0002 … 0000,0110).
    mutating func addRequestFields(_ field: CommandField, messageID: UInt16, sopClassUID: String) {
        add(.affectedSOPClassUID, text: sopClassUID, vr: .UI)
        add(.commandField, uint16: field.rawValue)
        add(.messageID, uint16: messageID)
    }

    /// The fields of a response without a data set, up to Error Comment (0000,0002 …
    /// 0000,0902): Affected SOP Class UID when known, Command Field, Message ID Being Responded
    /// To, Command Data Set Type, Status, and Error Comment when given.
    mutating func addResponseFields(
        _ field: CommandField, messageID: UInt16, sopClassUID: String?, status: DIMSEStatus, errorComment: String?
    ) {
        if let sopClassUID { add(.affectedSOPClassUID, text: sopClassUID, vr: .UI) }
        add(.commandField, uint16: field.rawValue)
        add(.messageIDBeingRespondedTo, uint16: messageID)
        add(.commandDataSetType, uint16: CommandSet.noDataSet)
        add(.status, uint16: status.code)
        if let errorComment { add(.errorComment, text: errorComment, vr: .LO) }
    }
}

/// A command set encoded Implicit VR Little Endian as its fields are added (PS3.7 §6.3.1):
/// Command Group Length (0000,0000) first, its value filled in by `finish` (one buffer, no
/// second encoding of the rest). `CommandSet.encode` writes a `DataSet`'s elements through it;
/// fields must come in ascending tag order, as they are in a data set.
struct CommandSetBytes: CommandFields {
    private var writer = ByteWriter(capacity: 256)
    private var lastTag = Tag.commandGroupLength

    init() {
        writer.writeUInt16(Tag.commandGroupLength.group, .littleEndian)
        writer.writeUInt16(Tag.commandGroupLength.element, .littleEndian)
        writer.writeUInt32(4, .littleEndian)
        writer.writeUInt32(0, .littleEndian)
    }

    mutating func add(_ tag: Tag, uint16 value: UInt16) {
        header(tag, length: 2)
        writer.writeUInt16(value, .littleEndian)
    }

    mutating func add(_ tag: Tag, text value: String, vr: VR) {
        let bytes = SpecificCharacterSet.isoIR100.encode(value) ?? Array(value.utf8)
        header(tag, length: bytes.count + bytes.count % 2)
        writer.writeContiguousBytes(bytes)
        if bytes.count % 2 == 1 { writer.writeUInt8(vr.paddingByte) }
    }

    /// Any element, as `encoder` (Implicit VR Little Endian) writes it: for command sets
    /// built as a `DataSet` (`CommandSet.encode`).
    mutating func add(_ element: DataElement, using encoder: DataSetEncoder) throws(ProtocolError) {
        precondition(lastTag < element.tag, "command fields out of order: \(element.tag) after \(lastTag)")
        lastTag = element.tag
        try encoder.encode(element, into: &writer)
    }

    private mutating func header(_ tag: Tag, length: Int) {
        precondition(lastTag < tag, "command fields out of order: \(tag) after \(lastTag)")
        lastTag = tag
        writer.writeUInt16(tag.group, .littleEndian)
        writer.writeUInt16(tag.element, .littleEndian)
        writer.writeUInt32(UInt32(length), .littleEndian)
    }

    /// The command set's bytes, Command Group Length counting those after it.
    mutating func finish() -> [UInt8] {
        writer.patch(UInt32(writer.count - 12), at: 8, .littleEndian)
        return writer.take()
    }
}

/// A message that lists its command fields itself, in ascending tag order: its command set
/// and its encoding both come from that one list.
protocol FieldListing {
    func add(to fields: inout some CommandFields)
}

extension CEchoRQ: FieldListing {}
extension CEchoRSP: FieldListing {}
extension CStoreRQ: FieldListing {}
extension CStoreRSP: FieldListing {}
