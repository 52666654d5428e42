/// A byte range of an open file that a channel may send without reading it into memory
/// (`sendfile(2)`): the data-set part of P-DATA-TF fragments (PS3.8 §9.3.5) taken straight
/// from a stored instance.
public struct FileSpan: Sendable {
    public let descriptor: Int32
    public let offset: Int
    public let count: Int
    /// Keeps `descriptor` open until the channel has sent the span or dropped it.
    public let keeper: any AnyObject & Sendable

    public init(descriptor: Int32, offset: Int, count: Int, keeper: any AnyObject & Sendable) {
        self.descriptor = descriptor
        self.offset = offset
        self.count = count
        self.keeper = keeper
    }
}

/// One piece of what a channel sends, in order: bytes in memory, or a span of a file.
public enum OutboundPiece: Sendable {
    case bytes([UInt8])
    case file(FileSpan)

    public var count: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .file(let span): span.count
        }
    }
}
