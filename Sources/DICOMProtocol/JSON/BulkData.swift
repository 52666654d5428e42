/// Which values PACSLink shows as a length instead of their bytes, in `pacslink dump` and in
/// its DICOM JSON output (where PS3.18 §F.2.7 would put base64 `InlineBinary` or a
/// `BulkDataURI`): pixel data (7FE0,0008), (7FE0,0009), (7FE0,0010), native or encapsulated,
/// and any other binary value (OB OD OF OL OV OW UN) longer than `inlineLimit` bytes.
public enum BulkData {
    /// Binary values up to this length are shown; longer ones are bulk data.
    public static let inlineLimit = 1024

    public static func isBulk(_ element: DataElement) -> Bool {
        if element.tag.group == 0x7FE0,
            [0x0008, 0x0009, 0x0010].contains(element.tag.element)
        {
            return true
        }
        switch element.value {
        case .fragments: return true
        case .sequence: return false
        case .bytes(let bytes): return isBinary(element.vr) && bytes.count > inlineLimit
        }
    }

    /// Total bytes of the value: for encapsulated data, the sum of the fragments.
    public static func length(_ element: DataElement) -> Int {
        switch element.value {
        case .bytes(let bytes): bytes.count
        case .fragments(let fragments): fragments.reduce(0) { $0 + $1.count }
        case .sequence: 0
        }
    }

    /// VRs whose value is bytes, not text or numbers (PS3.18 §F.2.7 encodes them in base64).
    static func isBinary(_ vr: VR) -> Bool {
        vr == .OB || vr == .OD || vr == .OF || vr == .OL || vr == .OV || vr == .OW || vr == .UN
    }
}
