/// The values of a non-sequence element as text, shared by the dcmdump-style dump and the
/// DICOM JSON Model: strings decoded in the Specific Character Set in force (PS3.5 §6.1.2.5),
/// binary numbers read little endian (data sets hold them so, whatever the transfer syntax),
/// numbers printed the shortest way that reads back to the same value.
enum ElementValues {
    /// The characters of a text value with trailing padding (spaces, NULs) removed, values
    /// still joined by backslashes: what dcmdump shows between brackets.
    static func text(_ bytes: [UInt8], vr: VR, characterSet: SpecificCharacterSet) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
        let set = vr.usesSpecificCharacterSet ? characterSet : .isoIR6
        return set.decode(bytes[..<end])
    }

    /// The character set of `dataSet`'s text: its own Specific Character Set (0008,0005), or
    /// the one of the data set enclosing it (PS3.5 §6.1.2.5.2: items inherit).
    static func characterSet(of dataSet: DataSet, inherited: SpecificCharacterSet) -> SpecificCharacterSet {
        dataSet.contains(.specificCharacterSet) ? dataSet.specificCharacterSet : inherited
    }

    /// The values of a binary numeric element (US SS UL SL SV UV FL FD and the OL OV OF OD
    /// word forms), or `nil` for any other VR. A trailing partial word is ignored.
    static func numbers(_ bytes: [UInt8], vr: VR) -> [String]? {
        let size: Int
        let format: (UInt64) -> String
        switch vr {
        case .US: (size, format) = (2, { String($0) })
        case .SS: (size, format) = (2, { String(Int16(truncatingIfNeeded: $0)) })
        case .UL, .OL: (size, format) = (4, { String($0) })
        case .SL: (size, format) = (4, { String(Int32(truncatingIfNeeded: $0)) })
        case .UV, .OV: (size, format) = (8, { String($0) })
        case .SV: (size, format) = (8, { String(Int64(bitPattern: $0)) })
        case .FL, .OF: (size, format) = (4, { shortest(Float(bitPattern: UInt32(truncatingIfNeeded: $0)).description) })
        case .FD, .OD: (size, format) = (8, { shortest(Double(bitPattern: $0).description) })
        default: return nil
        }
        return words(bytes, size: size).map(format)
    }

    /// The tags of an AT element (pairs of 16-bit numbers, PS3.5 §6.2).
    static func tags(_ bytes: [UInt8]) -> [Tag] {
        let halves = words(bytes, size: 2)
        return stride(from: 0, to: halves.count - 1, by: 2).map {
            Tag(UInt16(halves[$0]), UInt16(halves[$0 + 1]))
        }
    }

    /// Little-endian words of `size` bytes.
    static func words(_ bytes: [UInt8], size: Int) -> [UInt64] {
        stride(from: 0, to: bytes.count - size + 1, by: size).map { start in
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * $1) }
        }
    }

    /// Swift prints the shortest digits that read back to the same value; like C's `%g`,
    /// DCMTK and JSON have no use for a trailing ".0" and write exponents as `e+20`.
    static func shortest(_ description: String) -> String {
        description.hasSuffix(".0") ? String(description.dropLast(2)) : description
    }
}
