import DICOMProtocol

extension DataElement {
    /// A text element of ASCII values (defined terms, counts, UIDs) joined with backslashes
    /// and padded to even length with the VR's padding byte (PS3.5 §6.2, §6.4); the VR is the
    /// dictionary's unless given.
    init(tag: Tag, vr: VR? = nil, asciiValues values: [String]) {
        let vr = vr ?? DataDictionary.implicitVR(for: tag)
        var bytes = Array(values.joined(separator: "\\").utf8)
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        self.init(tag: tag, vr: vr, bytes: bytes)
    }
}
