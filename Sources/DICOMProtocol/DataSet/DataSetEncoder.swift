/// Encodes a data set (PS3.5 §7) in Implicit VR Little Endian, Explicit VR Little Endian or
/// Explicit VR Big Endian. Values are padded to even length with their VR's padding byte
/// (PS3.5 §7.1.1); sequences and items keep the length style they carry (defined, or
/// undefined with delimiters, §7.5); fragments are written as encapsulated data (§A.4).
public struct DataSetEncoder: Sendable {
    public var encoding: DataSetEncoding

    public init(encoding: DataSetEncoding) { self.encoding = encoding }

    public func encode(_ dataSet: DataSet) throws(ProtocolError) -> [UInt8] {
        var writer = ByteWriter()
        try encode(dataSet, into: &writer)
        return writer.bytes
    }

    /// Appends the encoded data set to `writer`. Throws `tooLong` when a value does not fit
    /// its length field (64 KiB for the short explicit VRs, 4 GiB otherwise), and `malformed`
    /// when a binary value's length is not a multiple of its VR's word size in big endian.
    public func encode(_ dataSet: DataSet, into writer: inout ByteWriter) throws(ProtocolError) {
        for element in dataSet.elements {
            try encode(element, into: &writer)
        }
    }

    public func encode(_ element: DataElement, into writer: inout ByteWriter) throws(ProtocolError) {
        switch element.value {
        case .bytes(let bytes):
            let padding = bytes.count % 2
            if encoding.byteOrder == .bigEndian && element.vr.wordSize > 1 {
                guard let swapped = encoding.reordered(bytes[...], element.vr) else {
                    throw ProtocolError(.malformed, field: "\(element.tag) \(element.vr)", "length \(bytes.count) is not a multiple of \(element.vr.wordSize)")
                }
                try header(element, length: swapped.count, into: &writer)
                writer.writeBytes(contentsOf: swapped)
            } else {
                // Written as held, without a copy: pixel data is large.
                try header(element, length: bytes.count + padding, into: &writer)
                writer.writeBytes(contentsOf: bytes)
                if padding == 1 { writer.writeUInt8(element.vr.paddingByte) }
            }

        case .sequence(let items):
            guard !encoding.explicitVR || element.vr.hasExtendedLength else {
                throw ProtocolError(.invalidValue, field: "\(element.tag) \(element.vr)", "a sequence needs VR SQ or UN")
            }
            try header(element, length: element.hasUndefinedLength ? 0xFFFF_FFFF : 0, into: &writer)
            let bodyStart = writer.count
            // A UN element holding a sequence keeps it in Implicit VR Little Endian (PS3.5 §6.2.2).
            let inner = element.vr == .UN ? DataSetEncoder(encoding: .implicitVRLittleEndian) : self
            for item in items {
                try inner.encode(item, into: &writer)
            }
            if element.hasUndefinedLength {
                inner.itemHeader(.sequenceDelimitationItem, length: 0, into: &writer)
            } else {
                try patchLength(at: bodyStart - 4, bodyStart: bodyStart, field: "\(element.tag) \(element.vr)", into: &writer)
            }

        case .fragments(let fragments):
            try header(element, length: 0xFFFF_FFFF, into: &writer)
            for fragment in fragments {
                let padded = fragment.count + fragment.count % 2
                guard padded < 0xFFFF_FFFF else {
                    throw ProtocolError(.tooLong, field: "\(element.tag) fragment", "\(fragment.count) bytes do not fit a 32-bit length")
                }
                itemHeader(.item, length: UInt32(padded), into: &writer)
                writer.writeBytes(contentsOf: fragment)
                if padded > fragment.count { writer.writeUInt8(0) }
            }
            itemHeader(.sequenceDelimitationItem, length: 0, into: &writer)
        }
    }

    /// An item of a sequence (PS3.5 §7.5.1), delimited or with its length patched in.
    private func encode(_ item: SequenceItem, into writer: inout ByteWriter) throws(ProtocolError) {
        let start = writer.count
        itemHeader(.item, length: item.hasUndefinedLength ? 0xFFFF_FFFF : 0, into: &writer)
        try encode(item.dataSet, into: &writer)
        if item.hasUndefinedLength {
            itemHeader(.itemDelimitationItem, length: 0, into: &writer)
        } else {
            try patchLength(at: start + 4, bodyStart: start + 8, field: "Item", into: &writer)
        }
    }

    private func patchLength(at position: Int, bodyStart: Int, field: String, into writer: inout ByteWriter) throws(ProtocolError) {
        let length = writer.count - bodyStart
        guard length < 0xFFFF_FFFF else {
            throw ProtocolError(.tooLong, field: field, "\(length) bytes do not fit a 32-bit length")
        }
        writer.patch(UInt32(length), at: position, encoding.byteOrder)
    }

    /// Tag, VR (explicit only) and length (PS3.5 §7.1.2, §7.1.3). A sequence's length is a
    /// placeholder patched later, always in the last 4 bytes written here.
    private func header(_ element: DataElement, length: Int, into writer: inout ByteWriter) throws(ProtocolError) {
        let order = encoding.byteOrder
        let short = encoding.explicitVR && !element.vr.hasExtendedLength
        let limit = short ? 0xFFFF : 0xFFFF_FFFF
        guard length <= limit else {
            throw ProtocolError(.tooLong, field: "\(element.tag) \(element.vr)", "\(length) bytes do not fit its \(short ? 16 : 32)-bit length field")
        }
        writer.writeUInt16(element.tag.group, order)
        writer.writeUInt16(element.tag.element, order)
        if encoding.explicitVR {
            writer.writeUInt8(element.vr.first)
            writer.writeUInt8(element.vr.second)
        }
        if short {
            writer.writeUInt16(UInt16(length), order)
        } else {
            if encoding.explicitVR { writer.writeUInt16(0, order) }
            writer.writeUInt32(UInt32(length), order)
        }
    }

    private func itemHeader(_ tag: Tag, length: UInt32, into writer: inout ByteWriter) {
        writer.writeUInt16(tag.group, encoding.byteOrder)
        writer.writeUInt16(tag.element, encoding.byteOrder)
        writer.writeUInt32(length, encoding.byteOrder)
    }
}
