/// How a data set is laid out on the wire: explicit or implicit VR, and byte order
/// (PS3.5 §7.1, §7.3; the three uncompressed transfer syntaxes of PS3.5 §A.1–A.3).
/// Compressed transfer syntaxes encode their data sets as Explicit VR Little Endian.
public struct DataSetEncoding: Hashable, Sendable, CustomStringConvertible {
    public var explicitVR: Bool
    public var byteOrder: ByteOrder

    public init(explicitVR: Bool, byteOrder: ByteOrder) {
        self.explicitVR = explicitVR
        self.byteOrder = byteOrder
    }

    /// Implicit VR Little Endian (PS3.5 §A.1), the default transfer syntax and the encoding
    /// of every command set (PS3.7 §6.3.1).
    public static let implicitVRLittleEndian = DataSetEncoding(explicitVR: false, byteOrder: .littleEndian)
    /// Explicit VR Little Endian (PS3.5 §A.2).
    public static let explicitVRLittleEndian = DataSetEncoding(explicitVR: true, byteOrder: .littleEndian)
    /// Explicit VR Big Endian (PS3.5 §A.3, retired but still met).
    public static let explicitVRBigEndian = DataSetEncoding(explicitVR: true, byteOrder: .bigEndian)

    public var description: String {
        (explicitVR ? "Explicit" : "Implicit") + " VR "
            + (byteOrder == .littleEndian ? "Little" : "Big") + " Endian"
    }
}

extension DataSetEncoding {
    /// Converts a binary value between this encoding's byte order and the little-endian order
    /// `DataElement` holds (the conversion is its own inverse). `nil` when the length is not
    /// a multiple of the VR's word size.
    func reordered(_ bytes: ArraySlice<UInt8>, _ vr: VR) -> [UInt8]? {
        let size = vr.wordSize
        guard byteOrder == .bigEndian, size > 1 else { return Array(bytes) }
        guard bytes.count % size == 0 else { return nil }
        var out = Array(bytes)
        var i = 0
        while i < out.count {
            out[i..<i + size].reverse()
            i += size
        }
        return out
    }
}
