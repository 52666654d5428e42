/// A byte stream bound to one event loop: `TCPChannel` or `TLSChannel`, so the association code
/// does not care which. Every method must be called on `loop`'s thread; every delegate
/// callback arrives there.
public protocol Channel: AnyObject, Sendable {
    var loop: EventLoop { get }
    /// The peer's address, e.g. "127.0.0.1:11112" or "[::1]:2762".
    var peer: String { get }
    /// False once queued writes passed the high-water mark, until they drain below the
    /// low-water mark; `ChannelDelegate.channelWritabilityChanged` reports each change.
    var isWritable: Bool { get }
    /// How long resolving, connecting and the TLS handshake took.
    var timings: ConnectionTimings { get }
    /// Starts delivering reads and events to `delegate`, which the channel keeps until it has
    /// told it `didCloseWith`. A TLS channel hands over data that came with the handshake
    /// before this returns.
    func start(delegate: any ChannelDelegate)
    /// Queues `bytes` (copied) for sending, in order. Never blocks and always accepts: callers
    /// that produce a lot (C-STORE data) pause while `isWritable` is false; the write that
    /// crosses the high-water mark calls `channelWritabilityChanged` before it returns (so do
    /// not call it while mutating state that callback touches). Ignored once the channel is
    /// closing (the delegate hears why).
    func write(_ bytes: UnsafeRawBufferPointer)
    /// Queues `bytes` like `write(_:)`; a channel may keep the array instead of copying what
    /// it cannot send at once (`TCPChannel` does).
    func write(_ bytes: [UInt8])
    /// Whether `write(_:)` with pieces takes file spans, sending them without reading them into
    /// memory (plain TCP on Linux: `sendfile`). Other channels take bytes only.
    var sendsFileSpans: Bool { get }
    /// Queues `pieces`, in order, after everything written before.
    func write(_ pieces: [OutboundPiece])
    /// Stops delivering reads (read backpressure: the receiver cannot keep up, so the kernel's
    /// receive window fills and the peer slows down) until `resumeReading()`. Bytes of a read
    /// already in progress are still delivered; events (end of input, close) still arrive.
    func pauseReading()
    /// Delivers reads again after `pauseReading()`; nothing if reading was not paused.
    func resumeReading()
    /// Sends what is queued, then signals end of stream to the peer (TCP half-close; with TLS,
    /// a close_notify alert first). Reads continue.
    func shutdownOutput()
    /// Sends what is queued (with TLS, then close_notify) and closes, without waiting for the
    /// peer; the delegate then hears `didCloseWith(nil)`. A peer that stops reading can hold
    /// this up: the owner's timers then `abort()`.
    func close()
    /// Closes at once, dropping unsent data.
    func abort()
}

extension Channel {
    public var sendsFileSpans: Bool { false }

    /// Bytes, one write each. A channel that does not `sendsFileSpans` must not be given
    /// spans: reading them here would block the event loop on the disk.
    public func write(_ pieces: [OutboundPiece]) {
        for piece in pieces {
            guard case .bytes(let bytes) = piece else {
                preconditionFailure("a file span written to a channel that does not send file spans")
            }
            write(bytes)
        }
    }

    /// Queues `bytes` for sending (copied when they cannot be sent at once); a PDU should be
    /// one call (header and body together).
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }
}

/// Receives a channel's reads and events on its loop's thread. A loop-bound actor implements
/// these as `nonisolated` methods that enter it with `enterFromLoop`.
public protocol ChannelDelegate: AnyObject {
    /// Bytes received; the buffer is reused after the call returns, so copy what you keep.
    func channel(_ channel: any Channel, didRead bytes: UnsafeRawBufferPointer)
    /// `channel.isWritable` changed: pause producing when false, resume when true.
    func channelWritabilityChanged(_ channel: any Channel)
    /// The peer ended its side of the stream (TCP FIN, or TLS close_notify): no more reads.
    func channelInputEnded(_ channel: any Channel)
    /// The channel is closed: `error` is nil after `close()`/`abort()`, `.cancelled` when its
    /// loop shut down, else what broke it. The last call.
    func channel(_ channel: any Channel, didCloseWith error: TransportError?)
    /// Asked after each read: should the received bytes be acknowledged at once (Linux
    /// `TCP_QUICKACK`)? Yes when the read left an incomplete message — a peer with Nagle on
    /// (DCMTK as shipped) writes a header, then holds the body until it sees our ACK. No when
    /// the read completed what we answer at once: the answer carries the ACK, and a quick ACK
    /// would be a packet and 10–15% of the CPU per round trip for nothing. Default: yes.
    func channelWantsQuickAcknowledgement(_ channel: any Channel) -> Bool
}

extension ChannelDelegate {
    public func channelWantsQuickAcknowledgement(_ channel: any Channel) -> Bool { true }
}
