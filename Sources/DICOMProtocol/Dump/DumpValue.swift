/// The value column of a dump line and the value multiplicity, as dcmdump prints them
/// (see `DataSetDump`), shortened to `DumpLine.maximumValueWidth` the way dcmdump does.
enum DumpValue {
    static let noValue = "(no value available)"

    static func render(_ bytes: [UInt8], vr: VR, characterSet: SpecificCharacterSet) -> (String, Int) {
        guard !bytes.isEmpty else { return (noValue, 0) }
        if vr.isText {
            let text = ElementValues.text(bytes, vr: vr, characterSet: characterSet)
            let multiplicity = vr.isSingleValuedText ? 1 : text.split(separator: "\\", omittingEmptySubsequences: false).count
            return (bracketed(text), multiplicity)
        }
        if vr == .AT {
            let tags = ElementValues.tags(bytes).map(DumpLine.tagText)
            return (joined(tags), tags.count)
        }
        if let numbers = ElementValues.numbers(bytes, vr: vr) {
            // The O* VRs hold one value, a stream of words (PS3.5 §6.2).
            let isStream = vr == .OF || vr == .OD || vr == .OL || vr == .OV
            return (joined(numbers), isStream ? 1 : numbers.count)
        }
        return (hex(bytes, words: vr == .OW), 1)
    }

    /// "[value]", or "[" + its first 66 bytes + "..." when the bracketed text would be wider
    /// than the maximum (cut at a character boundary).
    static func bracketed(_ text: String) -> String {
        guard text.utf8.count + 2 > DumpLine.maximumValueWidth else { return "[" + text + "]" }
        var kept = ""
        var width = 0
        for character in text {
            let w = character.utf8.count
            if width + w > DumpLine.maximumValueWidth - 4 { break }
            kept.append(character)
            width += w
        }
        return "[" + kept + "..."
    }

    /// Values separated by backslashes, as many as fit with room left for "...".
    static func joined(_ values: [String]) -> String {
        var out = ""
        for (i, value) in values.enumerated() {
            let piece = i == 0 ? value : "\\" + value
            let width = out.utf8.count + piece.utf8.count
            let isLast = i == values.count - 1
            guard width <= DumpLine.maximumValueWidth, isLast || width + 3 <= DumpLine.maximumValueWidth else {
                return out + "..."
            }
            out += piece
        }
        return out
    }

    /// OB and UN as two-digit hex bytes, OW as four-digit hex words (little endian, as data
    /// sets hold them), shortened to the values that fit before "..." as dcmdump does.
    static func hex(_ bytes: [UInt8], words: Bool) -> String {
        let size = words ? 2 : 1
        let digits = 2 * size
        let count = bytes.count / size
        let fitting = (DumpLine.maximumValueWidth - 3 + 1) / (digits + 1)
        let shortened = count * (digits + 1) - 1 > DumpLine.maximumValueWidth
        let shown = shortened ? min(count, fitting) : count
        let values = ElementValues.words(Array(bytes.prefix(shown * size)), size: size)
            .map { DumpLine.hex($0, digits: digits) }
        return values.joined(separator: "\\") + (shortened ? "..." : "")
    }
}
