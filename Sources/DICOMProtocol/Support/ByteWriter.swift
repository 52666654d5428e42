/// Appends integers in a given byte order to a growable byte array; the counterpart of
/// `ByteReader`, shared by every encoder in DICOMProtocol.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    public mutating func writeUInt8(_ value: UInt8) { bytes.append(value) }

    public mutating func writeUInt16(_ value: UInt16, _ order: ByteOrder) {
        let v = order == .littleEndian ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    public mutating func writeUInt32(_ value: UInt32, _ order: ByteOrder) {
        let v = order == .littleEndian ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    public mutating func writeBytes<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// Appends bytes with one copy when they are contiguous in memory (arrays, slices, read
    /// buffers); other collections are appended element by element.
    public mutating func writeContiguousBytes(_ other: some Collection<UInt8>) {
        let copied: Void? = other.withContiguousStorageIfAvailable { buffer in
            bytes.append(contentsOf: UnsafeRawBufferPointer(buffer))
        }
        if copied == nil { bytes.append(contentsOf: other) }
    }

    /// Overwrites a 16-bit length already written at `position` (PDU item lengths, PS3.8 §9.3).
    public mutating func patchUInt16(_ value: UInt16, at position: Int, _ order: ByteOrder) {
        let v = order == .littleEndian ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: v) { raw in
            for i in 0..<2 { bytes[position + i] = raw[i] }
        }
    }

    /// Reserves room for `count` more bytes (one allocation up front for a whole PDU).
    public mutating func reserveCapacity(additional count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Gives the bytes away and leaves the writer empty, keeping nothing shared.
    public mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Empties the writer but keeps its storage for reuse (no allocation on the next PDU).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Overwrites a 32-bit length already written at `position` (for lengths known only after
    /// the body is encoded).
    public mutating func patch(_ value: UInt32, at position: Int, _ order: ByteOrder) {
        let v = order == .littleEndian ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: v) { raw in
            for i in 0..<4 { bytes[position + i] = raw[i] }
        }
    }
}
