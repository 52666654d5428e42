/// A value representation (PS3.5 §6.2, Table 6.2-1): two upper-case ASCII characters on the
/// wire. An open set: a VR this edition does not know survives a round trip and is given
/// the 4-byte explicit length form, as PS3.5 §7.1.2 requires of VRs defined in the future.
public struct VR: Hashable, Sendable, CustomStringConvertible {
    /// The two characters as they appear on the wire, first character in the high byte.
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The VR spelt by two upper-case ASCII letters, or `nil` for anything else.
    public init?(_ code: String) {
        let bytes = Array(code.utf8)
        guard bytes.count == 2, let vr = VR(bytes[0], bytes[1]) else { return nil }
        self = vr
    }

    /// The VR of two bytes read from an explicit VR element, or `nil` when they are not
    /// upper-case ASCII letters.
    public init?(_ first: UInt8, _ second: UInt8) {
        let letters = UInt8(ascii: "A")...UInt8(ascii: "Z")
        guard letters.contains(first), letters.contains(second) else { return nil }
        rawValue = UInt16(first) << 8 | UInt16(second)
    }

    private init(ascii code: StaticString) {
        let p = code.utf8Start
        rawValue = UInt16(p[0]) << 8 | UInt16(p[1])
    }

    public var first: UInt8 { UInt8(truncatingIfNeeded: rawValue >> 8) }
    public var second: UInt8 { UInt8(truncatingIfNeeded: rawValue) }
    public var description: String { String(decoding: [first, second], as: UTF8.self) }

    public static let AE = VR(ascii: "AE")
    public static let AS = VR(ascii: "AS")
    public static let AT = VR(ascii: "AT")
    public static let CS = VR(ascii: "CS")
    public static let DA = VR(ascii: "DA")
    public static let DS = VR(ascii: "DS")
    public static let DT = VR(ascii: "DT")
    public static let FD = VR(ascii: "FD")
    public static let FL = VR(ascii: "FL")
    public static let IS = VR(ascii: "IS")
    public static let LO = VR(ascii: "LO")
    public static let LT = VR(ascii: "LT")
    public static let OB = VR(ascii: "OB")
    public static let OD = VR(ascii: "OD")
    public static let OF = VR(ascii: "OF")
    public static let OL = VR(ascii: "OL")
    public static let OV = VR(ascii: "OV")
    public static let OW = VR(ascii: "OW")
    public static let PN = VR(ascii: "PN")
    public static let SH = VR(ascii: "SH")
    public static let SL = VR(ascii: "SL")
    public static let SQ = VR(ascii: "SQ")
    public static let SS = VR(ascii: "SS")
    public static let ST = VR(ascii: "ST")
    public static let SV = VR(ascii: "SV")
    public static let TM = VR(ascii: "TM")
    public static let UC = VR(ascii: "UC")
    public static let UI = VR(ascii: "UI")
    public static let UL = VR(ascii: "UL")
    public static let UN = VR(ascii: "UN")
    public static let UR = VR(ascii: "UR")
    public static let US = VR(ascii: "US")
    public static let UT = VR(ascii: "UT")
    public static let UV = VR(ascii: "UV")

    /// Every VR of PS3.5 Table 6.2-1 (current edition).
    public static let all: [VR] = [
        .AE, .AS, .AT, .CS, .DA, .DS, .DT, .FD, .FL, .IS, .LO, .LT, .OB, .OD, .OF, .OL, .OV,
        .OW, .PN, .SH, .SL, .SQ, .SS, .ST, .SV, .TM, .UC, .UI, .UL, .UN, .UR, .US, .UT, .UV,
    ]

    /// VRs whose explicit encoding has a 16-bit length field (PS3.5 §7.1.2, Table 7.1-2);
    /// all others, including unknown ones, use 2 reserved bytes and a 32-bit length
    /// (Table 7.1-1).
    private static let shortLength: Set<VR> = [
        .AE, .AS, .AT, .CS, .DA, .DS, .DT, .FD, .FL, .IS, .LO, .LT, .PN, .SH, .SL, .SS, .ST,
        .TM, .UI, .UL, .US,
    ]

    /// True when Explicit VR encodings give this VR a 32-bit length (OB OD OF OL OV OW SQ SV
    /// UC UN UR UT UV and any VR unknown to this edition).
    public var hasExtendedLength: Bool { !Self.shortLength.contains(self) }

    /// Character-string VRs (PS3.5 §6.2): values are text, padded with a trailing space
    /// (or NUL for UI) to an even length.
    private static let text: Set<VR> = [
        .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT,
    ]

    public var isText: Bool { Self.text.contains(self) }

    /// Text VRs whose value is never split at backslashes (PS3.5 §6.4: LT, ST, UT, UR have
    /// VM 1 and may contain the backslash).
    public var isSingleValuedText: Bool { self == .LT || self == .ST || self == .UT || self == .UR }

    /// Text VRs whose leading spaces are insignificant padding, like their trailing ones
    /// (PS3.5 §6.2, Table 6.2-1).
    public var leadingSpacesInsignificant: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .SH, .TM, .UI: true
        default: false
        }
    }

    /// Text VRs whose characters follow the Specific Character Set (0008,0005) rather than
    /// the default repertoire (PS3.5 §6.1.2.3).
    public var usesSpecificCharacterSet: Bool {
        self == .SH || self == .LO || self == .ST || self == .LT || self == .PN || self == .UC
            || self == .UT
    }

    /// The byte that pads a value to even length (PS3.5 §6.2): a space for text, NUL for UI
    /// and for binary VRs.
    public var paddingByte: UInt8 { isText && self != .UI ? 0x20 : 0x00 }

    /// The size of the numbers a binary value is made of, which byte order applies to
    /// (PS3.5 §7.3): 2 for US SS OW AT (AT is a pair of 16-bit numbers), 4 for UL SL FL OF
    /// OL, 8 for FD OD SV UV OV; 1 for everything byte-ordered as a string or opaque (OB, UN).
    public var wordSize: Int {
        switch self {
        case .US, .SS, .OW, .AT: 2
        case .UL, .SL, .FL, .OF, .OL: 4
        case .FD, .OD, .SV, .UV, .OV: 8
        default: 1
        }
    }
}
