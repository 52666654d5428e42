/// One row of the data dictionary (PS3.6 §6, Table 6-1; PS3.7 Table E.1-1).
public struct DictionaryEntry: Hashable, Sendable {
    public let tag: Tag
    /// The VR used when the transfer syntax does not say (Implicit VR). For attributes the
    /// standard gives two ("US or SS", "OB or OW") this is the one Implicit VR uses: US, OW.
    public let vr: VR
    /// Value multiplicity as PS3.6 writes it: "1", "2", "1-n", "2-2n"…
    public let vm: String
    /// The keyword (PS3.6 §6): "PatientName".
    public let keyword: String
    /// The attribute name: "Patient's Name".
    public let name: String

    init(_ tag: Tag, _ vr: VR, _ vm: String, _ keyword: String, _ name: String) {
        self.tag = tag
        self.vr = vr
        self.vm = vm
        self.keyword = keyword
        self.name = name
    }
}
