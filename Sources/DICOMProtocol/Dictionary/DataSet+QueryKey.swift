extension DataSet {
    /// Adds a query/retrieve key written as `KEY` or `KEY=VALUE` (the form of DCMTK's `-k`),
    /// where KEY is a keyword or tag number the dictionary knows (PS3.4 §C.2.2.1). Without a
    /// value the key is a return key: zero length, universal matching (PS3.4 §C.2.2.2.3).
    /// Text is written in this data set's Specific Character Set, so set (0008,0005) first
    /// when values are not ASCII. Throws `invalidValue` naming the key when it is unknown or
    /// its value does not suit its VR.
    public mutating func setQueryKey(_ assignment: String) throws(ProtocolError) {
        let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).trimmingSpaces()
        let value = parts.count > 1 ? String(parts[1]) : ""
        guard let tag = Tag(parsing: name), let entry = DataDictionary.entry(for: tag) else {
            throw ProtocolError(.invalidValue, field: "query key \"\(name)\"", "not an attribute keyword or tag this dictionary knows")
        }
        switch entry.vr {
        case .SQ:
            guard value.isEmpty else {
                throw ProtocolError(.invalidValue, field: "query key \(entry.keyword)", "a sequence key takes no value")
            }
            insert(DataElement(sequence: tag, items: []))
        case .US, .UL, .SS, .SL:
            try setBinaryKey(value, entry)
        default:
            guard entry.vr.isText else {
                throw ProtocolError(.invalidValue, field: "query key \(entry.keyword)", "\(entry.vr) values cannot be given on the command line")
            }
            try setString(value, for: tag, vr: entry.vr)
        }
    }

    private mutating func setBinaryKey(_ value: String, _ entry: DictionaryEntry) throws(ProtocolError) {
        guard !value.isEmpty else {
            insert(DataElement(tag: entry.tag, vr: entry.vr, bytes: []))
            return
        }
        let bits = entry.vr == .US || entry.vr == .SS ? 16 : 32
        let signed = entry.vr == .SS || entry.vr == .SL
        let range = signed ? -(1 << (bits - 1))...((1 << (bits - 1)) - 1) : 0...((1 << bits) - 1)
        guard let number = Int(value.trimmingSpaces()), range.contains(number) else {
            throw ProtocolError(.invalidValue, field: "query key \(entry.keyword)", "\"\(value)\" is not a \(entry.vr) number")
        }
        if bits == 16 {
            setUInt16(UInt16(truncatingIfNeeded: number), for: entry.tag, vr: entry.vr)
        } else {
            setUInt32(UInt32(truncatingIfNeeded: number), for: entry.tag, vr: entry.vr)
        }
    }
}
