/// Splits one DIMSE message into P-DATA-TF PDUs that fit the peer's Maximum Length
/// (PS3.8 §9.3.5 and Annex E; PS3.7 §6.3.1).
///
/// The command set goes first, in command fragments, the last of them flagged; then the data
/// set, if any, in data fragments, the last flagged. The data set may be handed over in chunks
/// of any size (a file read piece by piece), so a 1 GB data set is never in memory at once:
/// at most one fragment's worth is held back between chunks, because a fragment can only be
/// sent once it is known whether it is the last.
///
/// Each PDU carries one PDV and is written, header and body together, into a caller-supplied
/// `ByteWriter`, ready for a single write on the channel.
public struct MessageFragmenter: Sendable {
    public let presentationContextID: UInt8
    /// The largest PDV data carried by one PDU.
    public let maximumFragmentLength: Int

    /// PDU-length used when the peer's Maximum Length is 0 (unlimited): large enough that the
    /// 12 bytes of framing are noise, small enough to interleave and to bound buffers.
    public static let unlimitedPDULength: UInt32 = 65_536
    /// PDU header (6) and PDV item header (6). DCMTK, too, keeps PDV data 12 bytes under the
    /// Maximum Length (PS3.8 §D.1 counts only the 6-byte PDV overhead; peers that count the
    /// PDU header as well are then also satisfied).
    static let framing = PDU.headerLength + PresentationDataValue.overhead

    private var stage = Stage.command
    /// Data set bytes held back until it is known whether more follow.
    private var pending: [UInt8] = []

    private enum Stage { case command, dataSet, finished }

    /// - Parameters:
    ///   - peerMaximumLength: the Maximum Length the peer advertised (PS3.8 §D.1); 0 =
    ///     unlimited, in which case `unlimitedPDULength` is used.
    ///   - fragmentLimit: the largest fragment wanted, when smaller than the peer allows (a
    ///     sender reading a file in chunks smaller than one fragment).
    public init(presentationContextID: UInt8, peerMaximumLength: UInt32, fragmentLimit: Int = .max) {
        self.presentationContextID = presentationContextID
        let pduLength = peerMaximumLength == 0 ? Self.unlimitedPDULength : peerMaximumLength
        // A peer advertising less than the framing cannot be served by anyone; send 1 byte per PDV.
        maximumFragmentLength = max(1, min(fragmentLimit, Int(pduLength) - Self.framing))
    }

    /// Writes the command set as command fragments. Call once, first. `hasDataSet` must agree
    /// with the command's Command Data Set Type (0000,0800): without a data set the message is
    /// finished after this call.
    public mutating func writeCommand(_ command: some Collection<UInt8>, hasDataSet: Bool, into writer: inout ByteWriter) {
        precondition(stage == .command, "the command set of a message is written once, first")
        var rest = command[...]
        repeat {
            let fragment = rest.prefix(maximumFragmentLength)
            rest = rest.dropFirst(fragment.count)
            write(fragment, isCommand: true, isLast: rest.isEmpty, into: &writer)
        } while !rest.isEmpty
        stage = hasDataSet ? .dataSet : .finished
    }

    /// Writes the next chunk of the data set; `isLast` marks the final chunk (which may be
    /// empty). Full fragments are written as soon as they are known not to be the last one.
    public mutating func writeDataSet(_ chunk: some Collection<UInt8>, isLast: Bool, into writer: inout ByteWriter) {
        precondition(stage == .dataSet, "data set chunks follow a command that announced a data set")
        var rest = chunk[...]
        if !pending.isEmpty {
            let take = min(maximumFragmentLength - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if !rest.isEmpty {
                write(pending, isCommand: false, isLast: false, into: &writer)
                pending.removeAll(keepingCapacity: true)
            }
        }
        while rest.count > maximumFragmentLength {
            write(rest.prefix(maximumFragmentLength), isCommand: false, isLast: false, into: &writer)
            rest = rest.dropFirst(maximumFragmentLength)
        }
        if isLast {
            if pending.isEmpty {
                write(rest, isCommand: false, isLast: true, into: &writer)
            } else {
                write(pending, isCommand: false, isLast: true, into: &writer)
            }
            pending = []
            stage = .finished
        } else {
            pending.append(contentsOf: rest)
        }
    }

    /// Bytes of the P-DATA-TF PDUs that carry `count` data-set bytes in fragments of
    /// `maximumFragmentLength` (one empty fragment when `count` is 0).
    public func encodedLength(ofDataSet count: Int) -> Int {
        let fragments = max(1, (count + maximumFragmentLength - 1) / maximumFragmentLength)
        return count + fragments * Self.framing
    }

    /// Writes the next `count` data-set bytes as whole PDUs straight into `buffer` (which holds
    /// at least `encodedLength(ofDataSet: count)` bytes) and returns how many bytes it wrote:
    /// each PDU's 12 bytes of framing, then its fragment, which `fill` writes in place (a file's
    /// `pread` into the PDU itself, so the data set is not copied once more to be framed).
    /// Nothing is held back, so a chunk that is not the last must be whole fragments
    /// (`count` a multiple of `maximumFragmentLength`) and no earlier chunk may have left any
    /// held back. When `fill` throws, the message cannot be completed.
    public mutating func writeDataSet<E: Error>(
        count: Int, isLast: Bool, into buffer: UnsafeMutableRawBufferPointer,
        fill: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) -> Int {
        precondition(buffer.count >= encodedLength(ofDataSet: count), "the buffer holds the chunk's PDUs")
        var position = 0
        let contextID = presentationContextID
        try forEachFragment(count: count, isLast: isLast) { (length, last) throws(E) in
            Self.frame(length, isLast: last, contextID: contextID, into: UnsafeMutableRawBufferPointer(rebasing: buffer[position...]))
            position += Self.framing
            try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + length]))
            position += length
        }
        return position
    }

    /// The framing of the next `count` data-set bytes for a sender that sends the fragments
    /// themselves from elsewhere (a file, with `sendfile`): for each PDU its 12 bytes of
    /// framing and how many data-set bytes follow them. The same rules as
    /// `writeDataSet(count:isLast:into:fill:)`.
    public mutating func dataSetFraming(count: Int, isLast: Bool) -> [(framing: [UInt8], length: Int)] {
        var fragments: [(framing: [UInt8], length: Int)] = []
        let contextID = presentationContextID
        forEachFragment(count: count, isLast: isLast) { length, last in
            let framing = [UInt8](unsafeUninitializedCapacity: Self.framing) { buffer, initialized in
                Self.frame(length, isLast: last, contextID: contextID, into: UnsafeMutableRawBufferPointer(buffer))
                initialized = Self.framing
            }
            fragments.append((framing, length))
        }
        return fragments
    }

    /// Cuts the next `count` data-set bytes into fragments of at most `maximumFragmentLength`
    /// (one empty fragment when `count` is 0), giving each one's length and whether it ends
    /// the message, with nothing held back: the rules of the two methods above.
    private mutating func forEachFragment<E: Error>(
        count: Int, isLast: Bool, _ body: (_ length: Int, _ isLastFragment: Bool) throws(E) -> Void
    ) throws(E) {
        precondition(stage == .dataSet && pending.isEmpty, "data set chunks follow a command that announced a data set")
        precondition(isLast || count % maximumFragmentLength == 0, "only the last chunk may end in a partial fragment")
        var rest = count
        repeat {
            let length = min(rest, maximumFragmentLength)
            rest -= length
            try body(length, rest == 0 && isLast)
        } while rest > 0
        if isLast { stage = .finished }
    }

    /// Writes the 12 bytes before a data-set fragment of `length` bytes: the PDU header (PS3.8
    /// Table 9-22), then the PDV item's length, context and message control header (Table
    /// 9-23, Annex E.2).
    private static func frame(_ length: Int, isLast: Bool, contextID: UInt8, into buffer: UnsafeMutableRawBufferPointer) {
        buffer[0] = PDU.pDataTFType
        buffer[1] = 0
        buffer.storeBytes(of: UInt32(length + PresentationDataValue.overhead).bigEndian, toByteOffset: 2, as: UInt32.self)
        buffer.storeBytes(of: UInt32(length + PresentationDataValue.headerLength).bigEndian, toByteOffset: 6, as: UInt32.self)
        buffer[10] = contextID
        buffer[11] = isLast ? 0b10 : 0
    }

    /// True once the last fragment of the message has been written.
    public var isFinished: Bool { stage == .finished }

    private func write(_ data: some Collection<UInt8>, isCommand: Bool, isLast: Bool, into writer: inout ByteWriter) {
        PDataTF.encode(
            presentationContextID: presentationContextID, isCommand: isCommand, isLastFragment: isLast, data: data,
            into: &writer)
    }
}
