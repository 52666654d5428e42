extension Tag {
    /// A tag written by a person: a dictionary keyword ("PatientName") or the numbers in any
    /// of the forms "(0010,0010)", "0010,0010", "00100010" (hex). `nil` for anything else.
    public init?(parsing text: String) {
        if let entry = DataDictionary.entry(forKeyword: text) {
            self = entry.tag
            return
        }
        var digits = Substring(text)
        if digits.first == "(" && digits.last == ")" { digits = digits.dropFirst().dropLast() }
        let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
        let hex = parts.count == 2 && parts.allSatisfy({ $0.count == 4 }) ? parts.joined() : String(digits)
        guard hex.count == 8, hex.allSatisfy(\.isHexDigit), let raw = UInt32(hex, radix: 16) else { return nil }
        self.init(rawValue: raw)
    }

    /// The keyword when the dictionary knows the tag, else "(gggg,eeee)".
    public var keywordOrNumber: String { DataDictionary.entry(for: self)?.keyword ?? description }
}
