/// Sizes of elements and items as they are encoded (PS3.5 §7.1.2, §7.5, §A.4), for the
/// length column of a dump: the value length of a sequence of defined length counts its items
/// with their headers, an item's counts its elements. Arithmetic only: nothing is encoded.
enum EncodedLength {
    /// Bytes of an element's value field (after its header), delimiters included.
    static func value(_ element: DataElement, _ encoding: DataSetEncoding) -> Int {
        switch element.value {
        case .bytes(let bytes):
            return bytes.count + bytes.count % 2
        case .sequence(let items):
            let body = items.reduce(0) { sum, item in
                sum + 8 + content(item.dataSet, encoding) + (item.hasUndefinedLength ? 8 : 0)
            }
            return body + (element.hasUndefinedLength ? 8 : 0)
        case .fragments(let fragments):
            return fragments.reduce(8) { $0 + 8 + $1.count + $1.count % 2 }
        }
    }

    /// Bytes of an item's content: its elements with their headers.
    static func content(_ dataSet: DataSet, _ encoding: DataSetEncoding) -> Int {
        dataSet.elements.reduce(0) { $0 + header($1, encoding) + value($1, encoding) }
    }

    /// Tag, VR and length fields: 8 bytes, or 12 for the explicit VRs with a 32-bit length.
    static func header(_ element: DataElement, _ encoding: DataSetEncoding) -> Int {
        encoding.explicitVR && element.vr.hasExtendedLength ? 12 : 8
    }
}
