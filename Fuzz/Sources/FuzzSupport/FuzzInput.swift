/// The bytes libFuzzer hands a target, read from the front: control bytes first (which
/// encoding, how to cut the stream), then the payload.
public struct FuzzInput {
    public private(set) var bytes: ArraySlice<UInt8>

    /// Copies the input: libFuzzer's buffer is only valid during the call.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size))[...] : []
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The next byte, or 0 once the input is exhausted.
    public mutating func takeByte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// Up to `count` bytes.
    public mutating func take(upTo count: Int) -> ArraySlice<UInt8> {
        let piece = bytes.prefix(count)
        bytes = bytes.dropFirst(piece.count)
        return piece
    }

    /// The rest of the input.
    public mutating func takeRest() -> ArraySlice<UInt8> {
        defer { bytes = bytes[bytes.endIndex...] }
        return bytes
    }
}

/// Cuts a byte stream into pieces of pseudo-random sizes, as a network delivers it: the sizes
/// come from a generator seeded by one input byte, so a crashing input replays identically.
public struct Chunker {
    private var state: UInt32
    private let maximumPiece: Int

    /// - Parameter maximumPiece: pieces are 1…maximumPiece bytes.
    public init(seed: UInt8, maximumPiece: Int) {
        state = 0x9E37_79B9 ^ UInt32(seed) &* 0x0101_0101
        self.maximumPiece = maximumPiece
    }

    /// xorshift32 (Marsaglia 2003): a cheap, deterministic sequence of sizes.
    public mutating func nextSize() -> Int {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return 1 + Int(state % UInt32(maximumPiece))
    }

    /// `stream` in consecutive pieces.
    public mutating func pieces(of stream: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = stream.startIndex
        while start < stream.endIndex {
            let end = min(stream.endIndex, start + nextSize())
            pieces.append(stream[start..<end])
            start = end
        }
        return pieces
    }
}

/// Stops the process with `message` when an invariant of the code under test is broken:
/// libFuzzer records the input as a crash, like a trap inside the decoder.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
