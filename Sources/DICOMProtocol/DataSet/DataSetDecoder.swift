/// Decodes a whole data set held in memory (PS3.5 §7): elements in either VR style and
/// byte order, sequences and items of defined and undefined length (§7.5), encapsulated
/// pixel data kept as fragments (§A.4), and UN elements of undefined length, whose content
/// is an Implicit VR Little Endian sequence (§6.2.2).
///
/// Hostile input ends in a `ProtocolError` naming the element and the byte offset, never a
/// trap: every length is checked against the bytes that remain before anything is copied,
/// and sequences may nest at most `maximumDepth` deep.
public struct DataSetDecoder: Sendable {
    public var encoding: DataSetEncoding
    /// Deepest sequence nesting accepted; a data set with no sequences has depth 0.
    public var maximumDepth: Int

    public init(encoding: DataSetEncoding, maximumDepth: Int = 16) {
        self.encoding = encoding
        self.maximumDepth = maximumDepth
    }

    public func decode(_ bytes: ArraySlice<UInt8>) throws(ProtocolError) -> DataSet {
        try decodePrefix(bytes, while: { _ in true }).dataSet
    }

    public func decode(_ bytes: [UInt8]) throws(ProtocolError) -> DataSet {
        try decode(bytes[...])
    }

    /// Decodes the leading top-level elements whose tags satisfy `predicate`, stopping before
    /// the first that does not (e.g. the file meta group 0002 of a Part 10 file, PS3.10 §7.1).
    /// Returns the data set and the number of bytes it took.
    public func decodePrefix(
        _ bytes: ArraySlice<UInt8>, while predicate: (Tag) -> Bool
    ) throws(ProtocolError) -> (dataSet: DataSet, consumed: Int) {
        let parser = Parser(base: bytes.startIndex, maximumDepth: maximumDepth)
        var reader = ByteReader(bytes)
        let dataSet = try parser.dataSet(&reader, encoding, depth: 0, inUndefinedItem: false, while: predicate)
        return (dataSet, reader.offset)
    }
}

/// The recursive descent behind `DataSetDecoder`; `base` turns storage indices into offsets
/// from the start of the decoded buffer.
private struct Parser {
    let base: Int
    let maximumDepth: Int

    private static let undefinedLength: UInt32 = 0xFFFF_FFFF

    struct Header {
        var tag: Tag
        var vr: VR
        var length: UInt32
        var offset: Int
        var field: String { tag.isItemOrDelimiter ? "\(tag)" : "\(tag) \(vr)" }
    }

    /// Elements until the reader is exhausted, or, inside an item of undefined length, until
    /// its Item Delimitation Item.
    func dataSet(
        _ r: inout ByteReader, _ encoding: DataSetEncoding, depth: Int, inUndefinedItem: Bool,
        while predicate: (Tag) -> Bool = { _ in true }
    ) throws(ProtocolError) -> DataSet {
        var dataSet = DataSet()
        dataSet.reserveCapacity(8)  // a command set's elements without growing
        while r.remaining > 0 {
            var probe = r
            if let group = probe.readUInt16(encoding.byteOrder), let element = probe.readUInt16(encoding.byteOrder),
                !predicate(Tag(group, element))
            {
                return dataSet
            }
            let header = try self.header(&r, encoding)
            if header.tag == .itemDelimitationItem && inUndefinedItem {
                try expectZeroLength(header)
                return dataSet
            }
            guard !header.tag.isItemOrDelimiter else {
                throw ProtocolError(.malformed, field: "\(header.tag)", offset: header.offset, "item or delimiter where a data element belongs")
            }
            dataSet.insert(try value(header, &r, encoding, depth: depth))
        }
        if inUndefinedItem {
            throw ProtocolError(.truncated, field: "\(Tag.item) Item", offset: offset(r), "data ended before the Item Delimitation Item (FFFE,E00D)")
        }
        return dataSet
    }

    /// Tag, VR and length (PS3.5 §7.1.2 explicit, §7.1.3 implicit; items and delimiters
    /// always have the implicit form, §7.5).
    func header(_ r: inout ByteReader, _ encoding: DataSetEncoding) throws(ProtocolError) -> Header {
        let start = offset(r)
        let order = encoding.byteOrder
        guard let group = r.readUInt16(order), let element = r.readUInt16(order) else {
            throw ProtocolError(.truncated, field: "data element tag", offset: start, "fewer than 4 bytes left for a tag")
        }
        let tag = Tag(group, element)
        if tag.isItemOrDelimiter || !encoding.explicitVR {
            let vr = tag.isItemOrDelimiter ? VR.UN : DataDictionary.implicitVR(for: tag)
            guard let length = r.readUInt32(order) else {
                throw ProtocolError(.truncated, field: "\(tag)", offset: start, "header ends before its 32-bit length")
            }
            return Header(tag: tag, vr: vr, length: length, offset: start)
        }
        guard let a = r.readUInt8(), let b = r.readUInt8() else {
            throw ProtocolError(.truncated, field: "\(tag)", offset: start, "header ends before its VR")
        }
        guard let vr = VR(a, b) else {
            throw ProtocolError(.malformed, field: "\(tag)", offset: start + 4, "VR bytes \(a) \(b) are not two upper-case letters")
        }
        let length: UInt32?
        if vr.hasExtendedLength {
            length = r.skip(2) ? r.readUInt32(order) : nil
        } else {
            length = r.readUInt16(order).map(UInt32.init)
        }
        guard let length else {
            throw ProtocolError(.truncated, field: "\(tag) \(vr)", offset: start, "header ends before its length")
        }
        return Header(tag: tag, vr: vr, length: length, offset: start)
    }

    func value(_ h: Header, _ r: inout ByteReader, _ encoding: DataSetEncoding, depth: Int) throws(ProtocolError) -> DataElement {
        if h.length == Self.undefinedLength {
            switch h.vr {
            case .SQ:
                let items = try sequence(h, &r, encoding, depth: depth, undefined: true)
                return DataElement(tag: h.tag, vr: h.vr, value: .sequence(items), hasUndefinedLength: true)
            case .UN:
                let items = try sequence(h, &r, .implicitVRLittleEndian, depth: depth, undefined: true)
                return DataElement(tag: h.tag, vr: h.vr, value: .sequence(items), hasUndefinedLength: true)
            case .OB, .OW:
                return DataElement(tag: h.tag, vr: h.vr, value: .fragments(try fragments(h, &r, encoding)))
            default:
                throw ProtocolError(.malformed, field: h.field, offset: h.offset, "undefined length is allowed only for SQ, UN and encapsulated OB/OW")
            }
        }
        let body = try slice(h, Int(h.length), &r)
        if h.vr == .SQ {
            var inner = ByteReader(body)
            let items = try sequence(h, &inner, encoding, depth: depth, undefined: false)
            return DataElement(tag: h.tag, vr: h.vr, value: .sequence(items))
        }
        guard let bytes = encoding.reordered(body, h.vr) else {
            throw ProtocolError(.malformed, field: h.field, offset: h.offset, "length \(h.length) is not a multiple of \(h.vr.wordSize)")
        }
        return DataElement(tag: h.tag, vr: h.vr, bytes: bytes)
    }

    /// Items until the end of a defined-length sequence or its Sequence Delimitation Item.
    func sequence(_ h: Header, _ r: inout ByteReader, _ encoding: DataSetEncoding, depth: Int, undefined: Bool) throws(ProtocolError) -> [SequenceItem] {
        guard depth < maximumDepth else {
            throw ProtocolError(.tooLong, field: h.field, offset: h.offset, "sequences nested deeper than \(maximumDepth)")
        }
        var items: [SequenceItem] = []
        while undefined || r.remaining > 0 {
            let item = try header(&r, .init(explicitVR: false, byteOrder: encoding.byteOrder))
            if item.tag == .sequenceDelimitationItem && undefined {
                try expectZeroLength(item)
                return items
            }
            guard item.tag == .item else {
                throw ProtocolError(.malformed, field: "\(h.tag) item \(items.count + 1)", offset: item.offset, "expected Item (FFFE,E000), found \(item.tag)")
            }
            if item.length == Self.undefinedLength {
                let dataSet = try dataSet(&r, encoding, depth: depth + 1, inUndefinedItem: true)
                items.append(SequenceItem(dataSet, undefinedLength: true))
            } else {
                var inner = ByteReader(try slice(item, Int(item.length), &r))
                let dataSet = try dataSet(&inner, encoding, depth: depth + 1, inUndefinedItem: false)
                items.append(SequenceItem(dataSet))
            }
        }
        return items
    }

    /// Encapsulated fragments up to the Sequence Delimitation Item (PS3.5 §A.4); each is an
    /// Item of defined length, the first being the Basic Offset Table.
    func fragments(_ h: Header, _ r: inout ByteReader, _ encoding: DataSetEncoding) throws(ProtocolError) -> [[UInt8]] {
        var fragments: [[UInt8]] = []
        while true {
            let item = try header(&r, .init(explicitVR: false, byteOrder: encoding.byteOrder))
            if item.tag == .sequenceDelimitationItem {
                try expectZeroLength(item)
                return fragments
            }
            guard item.tag == .item, item.length != Self.undefinedLength else {
                throw ProtocolError(.malformed, field: "\(h.tag) fragment \(fragments.count + 1)", offset: item.offset, "expected an Item (FFFE,E000) of defined length, found \(item.tag)")
            }
            fragments.append(Array(try slice(item, Int(item.length), &r)))
        }
    }

    private func slice(_ h: Header, _ length: Int, _ r: inout ByteReader) throws(ProtocolError) -> ArraySlice<UInt8> {
        let left = r.remaining
        guard let body = r.readSlice(length) else {
            throw ProtocolError(.truncated, field: h.field, offset: h.offset, "value length \(length) exceeds the \(left) bytes left")
        }
        return body
    }

    private func expectZeroLength(_ h: Header) throws(ProtocolError) {
        guard h.length == 0 else {
            throw ProtocolError(.malformed, field: "\(h.tag)", offset: h.offset, "delimitation item with length \(h.length), not 0")
        }
    }

    private func offset(_ r: ByteReader) -> Int { r.index - base }
}
