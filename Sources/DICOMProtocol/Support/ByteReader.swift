/// A bounds-checked cursor over bytes, shared by every decoder in DICOMProtocol.
///
/// Every read returns `nil` when fewer bytes remain than it needs: callers turn that into
/// "need more bytes" (incremental decoders) or into a typed error naming the field (whole-buffer
/// decoders). Nothing here traps on short or hostile input.
public struct ByteReader: Sendable {
    /// The bytes being read; indices are those of the underlying storage (slices keep theirs).
    public let bytes: ArraySlice<UInt8>
    /// The index of the next byte to read.
    public private(set) var index: Int

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    public init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// Bytes not yet read.
    @inlinable public var remaining: Int { bytes.endIndex - index }
    /// Offset of the cursor from the start of `bytes` (for error messages).
    @inlinable public var offset: Int { index - bytes.startIndex }

    public mutating func readUInt8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    public mutating func readUInt16(_ order: ByteOrder) -> UInt16? {
        guard remaining >= 2 else { return nil }
        let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
        index += 2
        return order == .littleEndian ? a | b << 8 : a << 8 | b
    }

    public mutating func readUInt32(_ order: ByteOrder) -> UInt32? {
        guard remaining >= 4 else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 {
            let byte = UInt32(bytes[index + i])
            value |= order == .littleEndian ? byte << (8 * i) : byte << (8 * (3 - i))
        }
        index += 4
        return value
    }

    /// The next `count` bytes as a slice of the same storage: no copy.
    public mutating func readSlice(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }

    public mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, remaining >= count else { return false }
        index += count
        return true
    }

    /// Looks at the byte `ahead` positions from the cursor without moving it.
    public func peek(_ ahead: Int = 0) -> UInt8? {
        guard ahead >= 0, remaining > ahead else { return nil }
        return bytes[index + ahead]
    }
}

/// Byte order of a multi-byte integer on the wire (PDUs are big endian, PS3.8 §9.3.1;
/// data sets follow their transfer syntax, PS3.5 §7.3).
public enum ByteOrder: Sendable, Equatable {
    case littleEndian, bigEndian
}
