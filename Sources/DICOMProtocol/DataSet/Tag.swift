/// A data element tag: group and element number (PS3.5 §7.1.1). Tags order by group, then
/// element, which is the order elements must appear in a data set (PS3.5 §7.1).
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let group: UInt16
    public let element: UInt16

    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// The tag as one 32-bit number, group in the high half: `0x0010_0010` is (0010,0010).
    public init(rawValue: UInt32) {
        self.init(UInt16(truncatingIfNeeded: rawValue >> 16), UInt16(truncatingIfNeeded: rawValue))
    }

    public var rawValue: UInt32 { UInt32(group) << 16 | UInt32(element) }

    /// Private tags have an odd group number (PS3.5 §7.8.1).
    public var isPrivate: Bool { group & 1 == 1 }

    /// Group length elements (gggg,0000) (PS3.5 §7.2).
    public var isGroupLength: Bool { element == 0 }

    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "(0010,0010)", upper-case hex as the standard prints tags.
    public var description: String { "(\(Self.hex(group)),\(Self.hex(element)))" }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension Tag {
    /// Item (FFFE,E000): starts an item of a sequence or a fragment of encapsulated data
    /// (PS3.5 §7.5.1, §A.4).
    public static let item = Tag(0xFFFE, 0xE000)
    /// Item Delimitation Item (FFFE,E00D): ends an item of undefined length (PS3.5 §7.5.2).
    public static let itemDelimitationItem = Tag(0xFFFE, 0xE00D)
    /// Sequence Delimitation Item (FFFE,E0DD): ends a sequence or encapsulated data of
    /// undefined length (PS3.5 §7.5.2, §A.4).
    public static let sequenceDelimitationItem = Tag(0xFFFE, 0xE0DD)

    /// Items and delimiters are the only elements of group FFFE; they carry no VR even in
    /// explicit VR transfer syntaxes (PS3.5 §7.5).
    public var isItemOrDelimiter: Bool { group == 0xFFFE }
}
