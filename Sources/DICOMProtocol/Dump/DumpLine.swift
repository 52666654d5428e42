/// One line of a dcmdump-style listing (the layout of DCMTK's `dcmdump`):
///
///     (0010,0010) PN [Doe^John]                               #   8, 1 PatientName
///
/// two spaces of indentation per nesting level, the tag in lower-case hex, the VR, the value
/// padded to 40 columns, then `#`, the value length (`u/l` for undefined) right-aligned in 3,
/// the value multiplicity in 2, and the attribute's keyword.
struct DumpLine {
    /// Values longer than this many bytes are shortened with "..." (dcmdump's default).
    static let maximumValueWidth = 70
    /// The value column's width.
    static let valueWidth = 40

    var level: Int
    var tag: Tag
    /// "na" for items and delimiters, "pi" for encapsulated fragments, as dcmdump prints.
    var vr: String
    var value: String
    /// `nil` for undefined length.
    var length: Int?
    var multiplicity: Int
    var name: String

    var text: String {
        let width = value.utf8.count
        let padding = String(repeating: " ", count: max(0, Self.valueWidth - width))
        let lengthText = length.map { Self.rightAligned(String($0), 3) } ?? "u/l"
        return String(repeating: "  ", count: level) + Self.tagText(tag) + " " + vr + " " + value
            + padding + " # " + lengthText + "," + Self.rightAligned(String(multiplicity), 2) + " " + name
    }

    /// "(7fe0,0010)": dcmdump prints tags in lower-case hex.
    static func tagText(_ tag: Tag) -> String {
        "(" + hex(tag.group) + "," + hex(tag.element) + ")"
    }

    static func hex<T: BinaryInteger>(_ value: T, digits: Int = 4) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
