/// Typed access to values (PS3.5 §6.2, §6.4). Getters return `nil` when the element is absent
/// or its value cannot be what was asked for; binary values are little endian (see
/// `DataElement`). Text is read and written in the data set's Specific Character Set
/// (0008,0005) for the VRs that use it, and in the default repertoire otherwise.
extension DataSet {
    /// The repertoire named by this data set's Specific Character Set (0008,0005).
    public var specificCharacterSet: SpecificCharacterSet {
        guard let bytes = self[.specificCharacterSet]?.bytes else { return .isoIR6 }
        let values = SpecificCharacterSet.isoIR6.decode(bytes).split(separator: "\\", omittingEmptySubsequences: false)
        return SpecificCharacterSet(definedTerms: values.map(String.init))
    }

    // MARK: Text

    /// `inherited` when this data set declares no character set of its own, else its own.
    private func characterSet(overriding inherited: SpecificCharacterSet?) -> SpecificCharacterSet {
        guard let inherited, !contains(.specificCharacterSet) else { return specificCharacterSet }
        return inherited
    }

    /// The values of a text element, each with its insignificant padding removed (trailing
    /// spaces and NULs; leading spaces too where PS3.5 §6.2 says they are not significant).
    /// LT, ST, UT and UR are never split at backslashes. A zero-length value has no values.
    /// `characterSet` is the one inherited from the enclosing data set, used when this one
    /// declares none: an item of a sequence inherits the character set of the data set that
    /// holds it unless it declares its own (PS3.5 §6.1.2.5.2).
    public func strings(_ tag: Tag, characterSet: SpecificCharacterSet? = nil) -> [String]? {
        guard let element = self[tag], let bytes = element.bytes else { return nil }
        guard !bytes.isEmpty else { return [] }
        let vr = element.vr
        let set = vr.usesSpecificCharacterSet ? self.characterSet(overriding: characterSet) : .isoIR6
        let trimsLeading = vr.leadingSpacesInsignificant
        // Split and trim the bytes, then decode each value: a backslash (0x5C), a space and a
        // NUL are single bytes in every repertoire decoded here (ASCII, Latin-1, UTF-8), and
        // working on bytes spares the grapheme breaking of String's Character view.
        return bytes.withUnsafeBufferPointer { buffer in
            var values: [String] = []
            var start = 0
            func value(upTo end: Int) {
                var low = start
                var high = end
                while high > low, buffer[high - 1] == 0x20 || buffer[high - 1] == 0x00 { high -= 1 }
                if trimsLeading { while low < high, buffer[low] == 0x20 { low += 1 } }
                values.append(set.decode(UnsafeBufferPointer(rebasing: buffer[low..<high])))
            }
            if !vr.isSingleValuedText {
                for index in 0..<buffer.count where buffer[index] == 0x5C {
                    value(upTo: index)
                    start = index + 1
                }
            }
            value(upTo: buffer.count)
            return values
        }
    }

    /// The whole value of a text element, padding removed, values separated by backslashes;
    /// `""` for a zero-length value.
    public func string(_ tag: Tag, characterSet: SpecificCharacterSet? = nil) -> String? {
        strings(tag, characterSet: characterSet)?.joined(separator: "\\")
    }

    /// Sets a text element; `vr` defaults to the dictionary's. Pads to even length (space, or
    /// NUL for UI). Throws `invalidValue` when the tag is not in the dictionary and no VR is
    /// given, or when a character cannot be written in the repertoire the VR requires.
    public mutating func setString(
        _ value: String, for tag: Tag, vr: VR? = nil, characterSet: SpecificCharacterSet? = nil
    ) throws(ProtocolError) {
        guard let vr = vr ?? DataDictionary.entry(for: tag)?.vr else {
            throw ProtocolError(.invalidValue, field: "\(tag)", "no VR known for this tag; give one")
        }
        let set = vr.usesSpecificCharacterSet ? self.characterSet(overriding: characterSet) : .isoIR6
        guard var bytes = set.encode(value) else {
            throw ProtocolError(
                .invalidValue, field: "\(tag) \(vr)",
                "\"\(value)\" has characters outside \(set)"
                    + (vr.usesSpecificCharacterSet
                        ? "; set Specific Character Set (0008,0005) to ISO_IR 192 first" : ""))
        }
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        insert(DataElement(tag: tag, vr: vr, bytes: bytes))
    }

    /// Sets a multi-valued text element (values joined with backslashes, PS3.5 §6.4).
    public mutating func setStrings(
        _ values: [String], for tag: Tag, vr: VR? = nil, characterSet: SpecificCharacterSet? = nil
    ) throws(ProtocolError) {
        try setString(values.joined(separator: "\\"), for: tag, vr: vr, characterSet: characterSet)
    }

    /// A UID value (UI), NUL padding removed.
    public func uid(_ tag: Tag) -> String? { string(tag) }

    /// Sets a UI element, NUL-padded to even length (PS3.5 §9.1). Does not validate the UID
    /// (that is the UID rules' job, PS3.5 §9); see `setPadded` for non-ASCII characters.
    public mutating func setUID(_ uid: String, for tag: Tag) {
        setPadded(uid, for: tag, vr: .UI)
    }

    /// Sets a text element from `value`, padded to even length, without checking the
    /// repertoire: for values validated elsewhere (UIDs, AE titles) or echoed from a peer.
    /// Characters up to U+00FF are written as one byte each, mirroring how `strings` reads the
    /// default repertoire, so that a value received and sent back keeps its exact bytes (a
    /// peer's stray 0x87 stays 0x87); anything beyond, which no peer sent, is written as UTF-8.
    mutating func setPadded(_ value: String, for tag: Tag, vr: VR) {
        var bytes = SpecificCharacterSet.isoIR100.encode(value) ?? Array(value.utf8)
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        insert(DataElement(tag: tag, vr: vr, bytes: bytes))
    }

    // MARK: Binary numbers

    public func uint16s(_ tag: Tag) -> [UInt16]? {
        guard let bytes = self[tag]?.bytes, bytes.count % 2 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
    }

    /// The first value of a US (or any 16-bit) element.
    public func uint16(_ tag: Tag) -> UInt16? { uint16s(tag)?.first }

    public func uint32s(_ tag: Tag) -> [UInt32]? {
        guard let bytes = self[tag]?.bytes, bytes.count % 4 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[i + $1]) << (8 * $1) }
        }
    }

    /// The first value of a UL (or any 32-bit) element.
    public func uint32(_ tag: Tag) -> UInt32? { uint32s(tag)?.first }

    /// The tags of an AT element (each a group, element pair, PS3.5 §6.2).
    public func tags(_ tag: Tag) -> [Tag]? {
        guard let words = uint16s(tag), words.count % 2 == 0 else { return nil }
        return stride(from: 0, to: words.count, by: 2).map { Tag(words[$0], words[$0 + 1]) }
    }

    /// An integer from a US, SS, UL, SL or IS element (first value).
    public func int(_ tag: Tag) -> Int? {
        guard let element = self[tag] else { return nil }
        switch element.vr {
        case .US: return uint16(tag).map(Int.init)
        case .SS: return uint16(tag).map { Int(Int16(bitPattern: $0)) }
        case .UL: return uint32(tag).map(Int.init)
        case .SL: return uint32(tag).map { Int(Int32(bitPattern: $0)) }
        case .IS: return strings(tag)?.first.flatMap { Int($0) }
        default: return nil
        }
    }

    public mutating func setUInt16(_ value: UInt16, for tag: Tag, vr: VR = .US) {
        insert(DataElement(tag: tag, vr: vr, bytes: [UInt8(value & 0xFF), UInt8(value >> 8)]))
    }

    public mutating func setUInt32(_ value: UInt32, for tag: Tag, vr: VR = .UL) {
        insert(DataElement(tag: tag, vr: vr, bytes: (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }))
    }

    /// Sets an AT element.
    public mutating func setTags(_ tags: [Tag], for tag: Tag) {
        let words = tags.flatMap { [$0.group, $0.element] }
        insert(DataElement(tag: tag, vr: .AT, bytes: words.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
    }}
