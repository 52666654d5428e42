/// One data element (PS3.5 §7.1): a tag, a VR and a value.
///
/// Binary values are held in little-endian byte order whatever the transfer syntax they were
/// read from, so a data set means the same under every encoding; the encoder swaps for big
/// endian. `hasUndefinedLength` records how a sequence (or a UN element holding one) was
/// encoded, so that re-encoding reproduces it (PS3.5 §7.5.2).
public struct DataElement: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        /// The value field, without interpretation (padding included).
        case bytes([UInt8])
        /// The items of a sequence (PS3.5 §7.5).
        case sequence([SequenceItem])
        /// Encapsulated pixel data (PS3.5 §A.4): the fragments in order, the first being the
        /// Basic Offset Table (possibly empty). Never decompressed.
        case fragments([[UInt8]])
    }

    public var tag: Tag
    public var vr: VR
    public var value: Value
    /// True when the element was (or is to be) encoded with the undefined length 0xFFFFFFFF
    /// and a delimiter. Always true for fragments; ignored for plain bytes.
    public var hasUndefinedLength: Bool

    public init(tag: Tag, vr: VR, value: Value, hasUndefinedLength: Bool = false) {
        self.tag = tag
        self.vr = vr
        self.value = value
        if case .fragments = value {
            self.hasUndefinedLength = true
        } else {
            self.hasUndefinedLength = hasUndefinedLength
        }
    }

    public init(tag: Tag, vr: VR, bytes: [UInt8]) {
        self.init(tag: tag, vr: vr, value: .bytes(bytes))
    }

    /// A sequence of data sets (PS3.5 §7.5), by default with defined lengths.
    public init(sequence tag: Tag, items: [DataSet], undefinedLength: Bool = false) {
        self.init(
            tag: tag, vr: .SQ,
            value: .sequence(items.map { SequenceItem($0, undefinedLength: undefinedLength) }),
            hasUndefinedLength: undefinedLength)
    }

    /// The value bytes, or `nil` for sequences and fragments.
    public var bytes: [UInt8]? {
        if case .bytes(let b) = value { return b }
        return nil
    }

    /// The items, or `nil` when the value is not a sequence.
    public var items: [SequenceItem]? {
        if case .sequence(let items) = value { return items }
        return nil
    }
}

/// An item of a sequence (PS3.5 §7.5.1): a nested data set and how its length was encoded.
public struct SequenceItem: Equatable, Sendable {
    public var dataSet: DataSet
    public var hasUndefinedLength: Bool

    public init(_ dataSet: DataSet, undefinedLength: Bool = false) {
        self.dataSet = dataSet
        self.hasUndefinedLength = undefinedLength
    }
}
