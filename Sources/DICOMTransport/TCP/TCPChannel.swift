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
    public var queuedByteCount: Int { (stream.map { uv_stream_get_write_queue_size($0) } ?? 0) + coalesced.count }
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
        if !isWritable, let stream, uv_stream_get_write_queue_size(stream) <= lowWaterMark {
            isWritable = true
            delegate?.channelWritabilityChanged(self)
        }
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
