import DICOMProtocol

/// A DIMSE request with its data set, already encoded as whole P-DATA-TF PDUs (PS3.8 §9.3.5,
/// PS3.7 §6.3.1) by a `MessageFragmenter` within the peer's Maximum Length, for
/// `Association.send(encoded:)`: a sender can then read and lay out a large data set off the
/// event loop, and the loop only writes.
public struct EncodedRequest: Sendable {
    /// Message ID (0000,0110) of the encoded command: the response answers it.
    public var messageID: UInt16
    /// For errors and the phase timer's message.
    public var commandField: CommandField
    /// The presentation context every PDV names; it must have been accepted.
    public var contextID: UInt8
    /// The command fragments and the first data-set fragments; the whole message when `more`
    /// is `nil`. Bytes, or PDU headers in memory and fragments in a file (`OutboundPiece`:
    /// only for a channel that `sendsFileSpans`).
    public var first: [OutboundPiece]
    /// The next PDUs of the data set, called off the loop (it may block on file reads) one
    /// call after another until a chunk says it is the last.
    public var more: (@Sendable () async throws -> Chunk)?

    public init(
        messageID: UInt16, commandField: CommandField, contextID: UInt8, first: [UInt8],
        more: (@Sendable () async throws -> Chunk)?
    ) {
        self.init(messageID: messageID, commandField: commandField, contextID: contextID, pieces: [.bytes(first)], more: more)
    }

    public init(
        messageID: UInt16, commandField: CommandField, contextID: UInt8, pieces: [OutboundPiece],
        more: (@Sendable () async throws -> Chunk)?
    ) {
        self.messageID = messageID
        self.commandField = commandField
        self.contextID = contextID
        self.first = pieces
        self.more = more
    }

    /// Whole P-DATA-TF PDUs; `isLast` when they end with the data set's last fragment.
    public struct Chunk: Sendable {
        public var pieces: [OutboundPiece]
        public var isLast: Bool

        public init(pdus: [UInt8], isLast: Bool) {
            self.init(pieces: [.bytes(pdus)], isLast: isLast)
        }

        public init(pieces: [OutboundPiece], isLast: Bool) {
            self.pieces = pieces
            self.isLast = isLast
        }
    }
}
