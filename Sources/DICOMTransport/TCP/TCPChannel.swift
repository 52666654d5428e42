import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection on an event loop (owner of one `uv_tcp_t`). Created by `TCPChannel.connect`
/// or a `TCPListener`; reading starts with `start(delegate:)`. A channel nobody started must
/// still be closed (or aborted): its open handle keeps it alive.
///
/// Options set for DICOM's request/response traffic: `TCP_NODELAY` (no Nagle delay on our
/// small PDUs) and, on Linux, `TCP_QUICKACK` re-armed after a read whenever the delegate says
/// the read left an incomplete message (by default after every read), so a peer that writes a
/// reply as header + body with Nagle on gets its ACK at once instead of after ~40 ms
/// (libuv-swift.md: 23 → ~2,500 associations/s against stock `storescp`).
public final class TCPChannel: Channel, @unchecked Sendable {
    public let loop: EventLoop
    public private(set) var peer: String
    /// Queued-but-unsent bytes above which the channel reports not writable.
    public var highWaterMark = 1 << 20
    /// Queued-but-unsent bytes at or below which it reports writable again.
    public var lowWaterMark = 256 << 10
    public private(set) var isWritable = true
    /// Resolve and connect times of a channel made by `connect` (all nil for accepted ones).
    public internal(set) var timings = ConnectionTimings()
    /// Bytes accepted by `write` and not yet handed to the kernel.
    public var queuedByteCount: Int {
        (stream.map { uv_stream_get_write_queue_size($0) } ?? 0) + coalesced.count + outboxByteCount
    }
    /// Writes below this size are coalesced while the loop coalesces (see `EventLoop`); a
    /// larger one (a C-STORE data chunk) flushes what was coalesced and goes out on its own,
    /// never copied.
    static let coalescingLimit = 64 << 10

    private var handle: UnsafeMutableRawPointer?
    private var delegate: (any ChannelDelegate)?
    private var closeError: TransportError?
    private var fd: Int32 = -1
    private var shutdownPending = false
    private var closeAfterShutdown = false
    private var readingPaused = false
    private var inputEnded = false
    /// Bytes written while the loop coalesces, in order, not yet handed on.
    private var coalesced: [UInt8] = []
    /// Pieces sent by this channel itself (`send`/`sendfile` on the socket) rather than by
    /// libuv, from the first file span written until all is sent, with everything written
    /// after it; `outbox[outboxHead]` is `outboxHeadSent` bytes sent.
    private var outbox: [OutboundPiece] = []
    private var outboxHead = 0
    private var outboxHeadSent = 0
    private var outboxByteCount = 0
    /// Tells when the socket takes more, while the outbox waits for room.
    private var writablePoll: WritabilityPoll?
    /// A shutdown (FIN) asked for while the outbox was not empty.
    private var shutdownAfterOutbox = false

    /// Opens an unconnected TCP handle on `loop` (its thread only).
    init(loop: EventLoop, peer: String) throws(TransportError) {
        loop.preconditionInEventLoop()
        self.loop = loop
        self.peer = peer
        let opened = LoopHandle.open(UV_TCP, owner: self) { raw in
            uv_tcp_init(loop.uvLoop, raw.assumingMemoryBound(to: uv_tcp_t.self))
        }
        switch opened {
        case .success(let handle): self.handle = handle
        case .failure(let status): throw TransportError(phase: .connect, status: status, peer: peer)
        }
    }

    var tcp: UnsafeMutablePointer<uv_tcp_t>? { handle?.assumingMemoryBound(to: uv_tcp_t.self) }
    private var stream: UnsafeMutablePointer<uv_stream_t>? { handle?.assumingMemoryBound(to: uv_stream_t.self) }

    /// True until the channel starts closing.
    public var isOpen: Bool { handle.map { uv_is_closing($0.assumingMemoryBound(to: uv_handle_t.self)) == 0 } ?? false }

    /// Sets the socket options once the connection is established (connected or accepted).
    func configureConnectedSocket() {
        guard let tcp else { return }
        uv_tcp_nodelay(tcp, 1)
        var descriptor = uv_os_fd_t()
        if uv_fileno(UnsafeRawPointer(tcp).assumingMemoryBound(to: uv_handle_t.self), &descriptor) == 0 {
            fd = descriptor
        }
        var address = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        let known = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                uv_tcp_getpeername(tcp, sockaddr, &length) == 0 ? SocketAddress(UnsafePointer(sockaddr)) : nil
            }
        }
        if let known { peer = known.description }
        rearmQuickAck()
    }

    private func rearmQuickAck() {
        #if os(Linux)
        guard fd >= 0 else { return }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    // MARK: Channel

    public func start(delegate: any ChannelDelegate) {
        loop.preconditionInEventLoop()
        guard self.delegate == nil else { return }
        guard handle != nil else {
            delegate.channel(self, didCloseWith: closeError)  // closed before anyone listened
            return
        }
        self.delegate = delegate  // when closing, the close callback tells it
        startReading()
    }

    public func pauseReading() {
        loop.preconditionInEventLoop()
        guard !readingPaused else { return }
        readingPaused = true
        if let stream, isOpen, delegate != nil { uv_read_stop(stream) }
    }

    public func resumeReading() {
        loop.preconditionInEventLoop()
        guard readingPaused else { return }
        readingPaused = false
        startReading()
    }

    /// `uv_read_start` unless paused, ended, closing or not started.
    private func startReading() {
        guard let stream, isOpen, delegate != nil, !readingPaused, !inputEnded else { return }
        let status = uv_read_start(stream, allocateCallback, readCallback)
        if status != 0 { fail(TransportError(phase: .read, status: LibUVStatus(status), peer: peer)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        loop.preconditionInEventLoop()
        guard isOpen, !bytes.isEmpty else { return }
        if loop.isCoalescingWrites, bytes.count < Self.coalescingLimit {
            if coalesced.isEmpty {
                coalesced.reserveCapacity(Self.coalescingLimit)
                loop.channelHasCoalescedWrites(self)
            }
            coalesced.append(contentsOf: bytes)
            if coalesced.count >= Self.coalescingLimit { flushCoalescedWrites() }
            return
        }
        flushCoalescedWrites()
        send(bytes, keeping: nil)
    }

    /// Like `write(_:)` with a pointer, but what the kernel does not take at once is sent from
    /// the array itself, which the write request keeps until it is done, instead of from a copy
    /// (the rest of a 0.5 MB C-STORE when the socket buffer is full).
    public func write(_ bytes: [UInt8]) {
        loop.preconditionInEventLoop()
        guard isOpen, !bytes.isEmpty else { return }
        guard !loop.isCoalescingWrites || bytes.count >= Self.coalescingLimit else {
            bytes.withUnsafeBytes { write($0) }
            return
        }
        flushCoalescedWrites()
        bytes.withUnsafeBytes { send($0, keeping: bytes) }
    }

    /// Hands the coalesced bytes on (called by the loop when coalescing ends, and before any
    /// write, shutdown, close or abort that must come after them).
    func flushCoalescedWrites() {
        guard !coalesced.isEmpty else { return }
        var bytes: [UInt8] = []
        swap(&bytes, &coalesced)
        bytes.withUnsafeBytes { send($0, keeping: nil) }
        if coalesced.isEmpty {
            bytes.removeAll(keepingCapacity: true)
            coalesced = bytes  // keep the capacity for the next turn
        }
    }

    /// Sends `bytes`; what the kernel does not take at once is queued from a copy, or, when
    /// `owner` is the array `bytes` points into, from the array, which the request retains.
    private func send(_ bytes: UnsafeRawBufferPointer, keeping owner: [UInt8]?) {
        guard let stream, isOpen, !bytes.isEmpty else { return }
        #if os(Linux)
        guard outboxHead == outbox.count else {
            // Behind a file span still being sent: in order, after it.
            append([.bytes(owner ?? Array(bytes))])
            return
        }
        #endif
        // With nothing queued, the kernel usually takes the whole PDU at once, straight from
        // the caller's buffer (a 0.5 MB C-STORE on loopback): no copy, no request, no callback.
        var rest = bytes
        if uv_stream_get_write_queue_size(stream) == 0 {
            var buffer = uv_buf_init(
                UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: CChar.self)), UInt32(bytes.count))
            let written = uv_try_write(stream, &buffer, 1)
            if written > 0 {
                rest = UnsafeRawBufferPointer(rebasing: bytes[Int(written)...])
                if rest.isEmpty { return }
            } else if written != UV_EAGAIN.rawValue {
                fail(TransportError(phase: .write, status: LibUVStatus(written), peer: peer))
                return
            }
        }
        // The request, and either a copy of the bytes in the same allocation, or (an array's
        // bytes) a retained reference to the array in the request's `data`: a native array's
        // storage is one heap object, which does not move or change while a reference to it is
        // held and nobody mutates it. Both are freed in the write callback.
        let requestSize = (MemoryLayout<uv_write_t>.size + 15) & ~15
        let block = UnsafeMutableRawPointer.allocate(byteCount: requestSize + (owner == nil ? rest.count : 0), alignment: 16)
        let payload: UnsafeMutableRawPointer
        let request = block.bindMemory(to: uv_write_t.self, capacity: 1)
        if let owner {
            payload = UnsafeMutableRawPointer(mutating: rest.baseAddress!)
            request.pointee.data = Unmanaged.passRetained(RetainedBytes(owner)).toOpaque()
        } else {
            payload = block + requestSize
            payload.copyMemory(from: rest.baseAddress!, byteCount: rest.count)
            request.pointee.data = nil
        }
        var buffer = uv_buf_init(payload.assumingMemoryBound(to: CChar.self), UInt32(rest.count))
        let status = uv_write(request, stream, &buffer, 1, writeCallback)
        guard status == 0 else {
            Self.free(request)
            fail(TransportError(phase: .write, status: LibUVStatus(status), peer: peer))
            return
        }
        // A single write larger than the high-water mark also ends up here: the queue is then
        // above the mark at once, and the callback that drains it reports writable again.
        if isWritable, uv_stream_get_write_queue_size(stream) > highWaterMark {
            isWritable = false
            delegate?.channelWritabilityChanged(self)
        }
    }

    #if os(Linux)
    public var sendsFileSpans: Bool { true }

    /// Bytes and file spans, in order after everything written before. File spans go out with
    /// `sendfile(2)` (page cache to socket, no copy in this process); from the first span until
    /// everything is sent, this channel writes to the socket itself (non-blocking `send` and
    /// `sendfile`, waiting for room with a poll on a duplicate of the socket's descriptor)
    /// instead of through libuv, whose queue must be empty for that.
    public func write(_ pieces: [OutboundPiece]) {
        loop.preconditionInEventLoop()
        guard isOpen, !pieces.isEmpty else { return }
        guard outboxHead < outbox.count || pieces.contains(where: { if case .file = $0 { true } else { false } }) else {
            for case .bytes(let bytes) in pieces { write(bytes) }
            return
        }
        flushCoalescedWrites()
        append(pieces)
    }

    /// Adds to the outbox and sends what the socket takes now.
    private func append(_ pieces: [OutboundPiece]) {
        let wasEmpty = outboxHead == outbox.count
        outbox.append(contentsOf: pieces)
        outboxByteCount += pieces.reduce(0) { $0 + $1.count }
        if wasEmpty { sendOutbox() }
        updateWritability()
    }

    /// Sends the outbox until it is empty or the socket is full (then waits for room). Only
    /// once libuv's own queue is empty: `didWrite` calls again when it drains.
    private func sendOutbox() {
        guard let stream, isOpen, fd >= 0, uv_stream_get_write_queue_size(stream) == 0 else { return }
        while outboxHead < outbox.count {
            let piece = outbox[outboxHead]
            guard piece.count > 0 else {
                outboxHead += 1
                continue
            }
            let sent: Int
            switch piece {
            case .bytes(let bytes):
                let more = outboxHead + 1 < outbox.count ? Int32(MSG_MORE) : 0
                sent = bytes.withUnsafeBytes {
                    Glibc.send(fd, $0.baseAddress! + outboxHeadSent, $0.count - outboxHeadSent, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL) | more)
                }
            case .file(let span):
                var offset = off_t(span.offset + outboxHeadSent)
                sent = sendfile(fd, span.descriptor, &offset, span.count - outboxHeadSent)
            }
            if sent < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    awaitRoom()
                    return
                }
                fail(TransportError(phase: .write, status: LibUVStatus(-code), peer: peer))
                return
            }
            if sent == 0, case .file = piece {
                fail(TransportError(phase: .write, status: LibUVStatus(-EIO), peer: peer))  // the file ended early
                return
            }
            outboxHeadSent += sent
            outboxByteCount -= sent
            if outboxHeadSent == piece.count {
                outbox[outboxHead] = .bytes([])  // releases a span's file now
                outboxHead += 1
                outboxHeadSent = 0
            }
        }
        outbox.removeAll(keepingCapacity: true)
        outboxHead = 0
        updateWritability()
        if shutdownAfterOutbox {
            shutdownAfterOutbox = false
            if !requestShutdown(), closeAfterShutdown { abort() }
        }
    }

    /// Waits until the socket takes more, then goes on sending the outbox.
    private func awaitRoom() {
        if writablePoll == nil { writablePoll = WritabilityPoll(loop: loop, descriptor: fd) { [weak self] in self?.sendOutbox() } }
        guard let writablePoll, writablePoll.start() else {
            fail(TransportError(phase: .write, status: LibUVStatus(-EIO), peer: peer))
            return
        }
    }
    #endif

    /// Drops what the outbox still holds (the channel is closing) and its poll.
    private func dropOutbox() {
        outbox = []
        outboxHead = 0
        outboxHeadSent = 0
        outboxByteCount = 0
        shutdownAfterOutbox = false
        writablePoll?.close()
        writablePoll = nil
    }

    /// Reports a change of writability: above the high-water mark not writable, at or below
    /// the low-water mark writable again.
    private func updateWritability() {
        let queued = queuedByteCount
        if isWritable, queued > highWaterMark {
            isWritable = false
            delegate?.channelWritabilityChanged(self)
        } else if !isWritable, queued <= lowWaterMark {
            isWritable = true
            delegate?.channelWritabilityChanged(self)
        }
    }

    public func shutdownOutput() {
        loop.preconditionInEventLoop()
        flushCoalescedWrites()
        requestShutdown()
    }

    public func close() {
        loop.preconditionInEventLoop()
        closeAfterFlushing(error: nil)
    }

    /// What was written before the abort (an A-ABORT PDU) is still offered to the kernel once,
    /// as an uncoalesced write would have been; what it does not take is dropped.
    public func abort() {
        loop.preconditionInEventLoop()
        guard let handle else { return }
        flushCoalescedWrites()
        dropOutbox()
        LoopHandle.close(handle)
    }

    /// Closes at once with `error` (the first error wins) for the delegate's `didCloseWith`.
    func fail(_ error: TransportError) {
        if closeError == nil { closeError = error }
        coalesced.removeAll()
        abort()
    }

    /// Sends what is queued, then closes, reporting `error` (e.g. a TLS alert we had to send).
    func closeAfterFlushing(error: TransportError?) {
        if closeError == nil { closeError = error }
        flushCoalescedWrites()
        closeAfterShutdown = true
        if !shutdownPending && !requestShutdown() { abort() }
    }

    /// Queues a FIN behind the pending writes (`uv_shutdown`); false when that is impossible.
    @discardableResult
    private func requestShutdown() -> Bool {
        guard let stream, isOpen, !shutdownPending else { return false }
        guard outboxHead == outbox.count else {
            shutdownAfterOutbox = true  // after the outbox, which libuv's queue knows nothing of
            return true
        }
        let request = UnsafeMutablePointer<uv_shutdown_t>.allocate(capacity: 1)
        guard uv_shutdown(request, stream, shutdownCallback) == 0 else {
            request.deallocate()
            return false
        }
        shutdownPending = true
        return true
    }

    // MARK: Callbacks

    fileprivate func didRead(_ count: Int) {
        if count > 0 {
            // What the delegate answers to this read (one response per request it held) goes
            // out in one write when it returns.
            loop.coalescingWrites {
                delegate?.channel(self, didRead: UnsafeRawBufferPointer(rebasing: loop.readBuffer[..<count]))
            }
            if delegate?.channelWantsQuickAcknowledgement(self) ?? true { rearmQuickAck() }
        } else if count == Int(UV_EOF.rawValue) {
            inputEnded = true
            if let stream { uv_read_stop(stream) }
            delegate?.channelInputEnded(self)
        } else if count < 0 {
            fail(TransportError(phase: .read, status: LibUVStatus(Int32(count)), peer: peer))
        }
    }

    fileprivate func didWrite(_ status: Int32) {
        guard status == 0 else {
            if status != UV_ECANCELED.rawValue {
                fail(TransportError(phase: .write, status: LibUVStatus(status), peer: peer))
            }
            return
        }
        #if os(Linux)
        if outboxHead < outbox.count, let stream, uv_stream_get_write_queue_size(stream) == 0 {
            sendOutbox()  // libuv's queue has drained: the outbox's turn
            return
        }
        #endif
        updateWritability()
    }

    fileprivate func didShutDown() {
        shutdownPending = false
        if closeAfterShutdown { abort() }
    }

}

extension TCPChannel: LoopHandleOwner {
    func handleDidClose(_ closed: UnsafeMutableRawPointer) {
        handle = nil
        fd = -1
        coalesced = []
        dropOutbox()
        let delegate = self.delegate
        self.delegate = nil
        delegate?.channel(self, didCloseWith: closeError ?? (loop.isShuttingDown ? loop.shutDownError(during: .read) : nil))
    }
}

private func channel(of stream: UnsafeMutablePointer<uv_stream_t>) -> TCPChannel {
    LoopHandle.owner(of: UnsafeMutableRawPointer(stream), as: TCPChannel.self)
}

private let allocateCallback: uv_alloc_cb = { handle, _, buffer in
    guard let handle, let buffer else { return }
    let storage = LoopHandle.owner(of: UnsafeMutableRawPointer(handle), as: TCPChannel.self).loop.readBuffer
    buffer.pointee = uv_buf_init(storage.baseAddress!.assumingMemoryBound(to: CChar.self), UInt32(storage.count))
}

private let readCallback: uv_read_cb = { stream, count, _ in
    guard let stream else { return }
    channel(of: stream).didRead(count)
}

private let shutdownCallback: uv_shutdown_cb = { request, _ in
    guard let request else { return }
    let stream = request.pointee.handle!
    request.deallocate()
    channel(of: stream).didShutDown()
}

private let writeCallback: uv_write_cb = { request, status in
    guard let request else { return }
    let stream = request.pointee.handle!
    TCPChannel.free(request)
    channel(of: stream).didWrite(status)
}

/// An array a queued write sends from (`TCPChannel.write(_:)` with an array).
private final class RetainedBytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

extension TCPChannel {
    /// Frees a write request made by `send(_:keeping:)`, releasing the array it kept.
    fileprivate static func free(_ request: UnsafeMutablePointer<uv_write_t>) {
        if let kept = request.pointee.data { Unmanaged<RetainedBytes>.fromOpaque(kept).release() }
        UnsafeMutableRawPointer(request).deallocate()
    }
}

#if os(Linux)
/// A `uv_poll_t` for writability on a duplicate of a TCP channel's socket descriptor, so that the
/// channel can wait for room for its own `send`/`sendfile` calls without disturbing libuv's watch
/// of the descriptor itself (libuv allows one poll handle per descriptor; the duplicate is
/// another descriptor for the same socket). Started for each wait, stopped by its first event.
private final class WritabilityPoll: LoopHandleOwner {
    private var handle: UnsafeMutableRawPointer?
    private let duplicate: Int32
    private let onWritable: () -> Void

    init?(loop: EventLoop, descriptor: Int32, onWritable: @escaping () -> Void) {
        duplicate = dup(descriptor)
        self.onWritable = onWritable
        guard duplicate >= 0 else { return nil }
        let opened = LoopHandle.open(UV_POLL, owner: self) { raw in
            uv_poll_init(loop.uvLoop, raw.assumingMemoryBound(to: uv_poll_t.self), duplicate)
        }
        guard case .success(let handle) = opened else {
            Glibc.close(duplicate)
            return nil
        }
        self.handle = handle
    }

    /// Waits for the socket to take more; false when the poll cannot start.
    func start() -> Bool {
        guard let handle else { return false }
        return uv_poll_start(handle.assumingMemoryBound(to: uv_poll_t.self), Int32(UV_WRITABLE.rawValue), pollCallback) == 0
    }

    fileprivate func fired() {
        if let handle { uv_poll_stop(handle.assumingMemoryBound(to: uv_poll_t.self)) }
        onWritable()
    }

    func close() {
        if let handle { LoopHandle.close(handle) }
    }

    func handleDidClose(_ closed: UnsafeMutableRawPointer) {
        handle = nil
        Glibc.close(duplicate)
    }
}

private let pollCallback: uv_poll_cb = { handle, _, _ in
    guard let handle else { return }
    LoopHandle.owner(of: UnsafeMutableRawPointer(handle), as: WritabilityPoll.self).fired()
}
#endif
