/// A TLS connection: a `TCPChannel` carrying a `TLSEngine`, with the same `Channel` interface,
/// so the association code does not care whether it runs over TLS (PS3.15 Annex B.1).
///
/// Created by `TLSChannel.connect` (client) or `TLSChannel.accept` (server, on a channel a
/// `TCPListener` accepted); both complete only after the handshake, which runs on the loop
/// like any other I/O, so a slow handshake never blocks the loop or other connections.
public final class TLSChannel: Channel, @unchecked Sendable {
    private enum State {
        case handshaking((Result<TLSChannel, TransportError>) -> Void)
        /// Handshake done; plaintext and end of input wait here until `start(delegate:)`.
        case established(buffered: [UInt8], inputEnded: Bool)
        case started(any ChannelDelegate)
        /// Closed, with the error to tell a delegate that starts only now.
        case closed(TransportError?)
    }

    public let tcp: TCPChannel
    public let engine: TLSEngine
    private var state: State
    private var handshakeTimer: LoopTimer?
    /// The first TLS error, reported when the channel closes.
    private var failure: TransportError?

    private init(tcp: TCPChannel, engine: TLSEngine,
                 completion: @escaping (Result<TLSChannel, TransportError>) -> Void) {
        self.tcp = tcp
        self.engine = engine
        timings = tcp.timings
        state = .handshaking(completion)
    }

    public var loop: EventLoop { tcp.loop }
    public var peer: String { tcp.peer }
    public var isWritable: Bool { tcp.isWritable }
    public private(set) var timings: ConnectionTimings
    private let handshakeStart = ContinuousClock.now

    // MARK: Creating

    /// Connects over TCP (see `TCPChannel.connect`) and runs the client handshake, each phase
    /// within `timeout`. `serverName` (by default `host`) is sent as SNI and, when the context
    /// verifies peers, must match the server's certificate. Call on `loop`'s thread.
    public static func connect(
        host: String, port: UInt16, on loop: EventLoop, timeout: Duration, context: TLSContext,
        serverName: String? = nil, _ completion: @escaping (Result<TLSChannel, TransportError>) -> Void
    ) {
        TCPChannel.connect(host: host, port: port, on: loop, timeout: timeout) { result in
            switch result {
            case .success(let tcp):
                handshake(tcp, role: .client(serverName: serverName ?? host), context: context,
                          timeout: timeout, completion)
            case .failure(let error):
                completion(.failure(error))
            }
        }
    }

    /// `connect` for async callers.
    public static func connect(
        host: String, port: UInt16, on loop: EventLoop, timeout: Duration, context: TLSContext,
        serverName: String? = nil
    ) async throws(TransportError) -> TLSChannel {
        try await loop.awaitCompletion { completion in
            connect(host: host, port: port, on: loop, timeout: timeout, context: context,
                    serverName: serverName, completion)
        }
    }

    /// Runs the server handshake on an accepted connection, within `timeout`. Call on the
    /// channel's loop thread, before anyone started it.
    public static func accept(
        _ tcp: TCPChannel, context: TLSContext, timeout: Duration,
        _ completion: @escaping (Result<TLSChannel, TransportError>) -> Void
    ) {
        handshake(tcp, role: .server, context: context, timeout: timeout, completion)
    }

    private static func handshake(
        _ tcp: TCPChannel, role: TLSEngine.Role, context: TLSContext, timeout: Duration,
        _ completion: @escaping (Result<TLSChannel, TransportError>) -> Void
    ) {
        let engine: TLSEngine
        do {
            engine = try TLSEngine(context: context, role: role)
        } catch {
            tcp.abort()
            completion(.failure(error))
            return
        }
        let channel = TLSChannel(tcp: tcp, engine: engine, completion: completion)
        channel.handshakeTimer = LoopTimer.oneShot(on: tcp.loop, after: timeout) { [channel] in
            channel.fail(TransportError(phase: .tlsHandshake, kind: .timedOut, peer: tcp.peer,
                                        detail: "no TLS handshake with \(tcp.peer) within \(timeout)"))
        }
        tcp.start(delegate: TCPEvents(channel))
        channel.perform { engine throws(TransportError) in try engine.startHandshake() }
    }

    // MARK: Channel

    public func start(delegate: any ChannelDelegate) {
        loop.preconditionInEventLoop()
        if case .closed(let error) = state {
            delegate.channel(self, didCloseWith: error)
            return
        }
        guard case .established(let buffered, let inputEnded) = state else { return }
        state = .started(delegate)
        if !buffered.isEmpty { buffered.withUnsafeBytes { delegate.channel(self, didRead: $0) } }
        if inputEnded { delegate.channelInputEnded(self) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        loop.preconditionInEventLoop()
        switch state {
        case .established, .started: perform { engine throws(TransportError) in try engine.send(bytes) }
        case .handshaking, .closed: break
        }
    }

    /// Pauses the TCP reads: plaintext OpenSSL already decrypted was delivered with its read.
    public func pauseReading() {
        tcp.pauseReading()
    }

    public func resumeReading() {
        tcp.resumeReading()
    }

    public func shutdownOutput() {
        loop.preconditionInEventLoop()
        engine.shutdown()
        flush()
        tcp.shutdownOutput()
    }

    public func close() {
        loop.preconditionInEventLoop()
        if engine.isHandshakeComplete { engine.shutdown() }
        flush()
        tcp.close()
    }

    public func abort() {
        loop.preconditionInEventLoop()
        tcp.abort()
    }

    // MARK: Driving the engine

    /// Runs one engine call and sends what it produced, also when it failed: the peer must
    /// get our alert. A failure closes the connection once that alert is out.
    private func perform(_ call: (TLSEngine) throws(TransportError) -> Void) {
        do {
            try call(engine)
            flush()
        } catch {
            flush()
            fail(error)
        }
    }

    private func flush() {
        let output = engine.takeOutput()
        if !output.isEmpty { tcp.write(output) }
    }

    private func fail(_ error: TransportError) {
        var error = error
        if error.peer == nil { error.peer = peer }
        if failure == nil { failure = error }
        finishHandshake(.failure(error))
        tcp.closeAfterFlushing(error: error)
    }

    private func finishHandshake(_ result: Result<TLSChannel, TransportError>) {
        guard case .handshaking(let completion) = state else { return }
        handshakeTimer?.cancel()
        handshakeTimer = nil
        switch result {
        case .success:
            timings.tlsHandshake = .now - handshakeStart
            state = .established(buffered: [], inputEnded: false)
        case .failure(let error): state = .closed(error)
        }
        completion(result)
    }

    private func deliver(_ received: TLSEngine.Received) {
        if received.handshakeCompleted { finishHandshake(.success(self)) }
        switch state {
        case .established(var buffered, let inputEnded):
            buffered += received.plaintext
            state = .established(buffered: buffered, inputEnded: inputEnded || received.peerClosed)
        case .started(let delegate):
            if !received.plaintext.isEmpty {
                received.plaintext.withUnsafeBytes { delegate.channel(self, didRead: $0) }
            }
            if received.peerClosed { delegate.channelInputEnded(self) }
        case .handshaking, .closed:
            break
        }
    }
}

// MARK: Events from the TCP channel

extension TLSChannel {
    fileprivate func tcpDidRead(_ bytes: UnsafeRawBufferPointer) {
        perform { engine throws(TransportError) in deliver(try engine.receive(bytes)) }
    }

    fileprivate func tcpWritabilityChanged() {
        if case .started(let delegate) = state { delegate.channelWritabilityChanged(self) }
    }

    fileprivate func tcpInputEnded() {
        switch state {
        case .handshaking:
            fail(TLSErrors.closedDuringHandshake(nil))
        case .established(let buffered, _):
            state = .established(buffered: buffered, inputEnded: true)
        case .started(let delegate):
            delegate.channelInputEnded(self)
        case .closed:
            break
        }
    }

    fileprivate func tcpDidClose(_ error: TransportError?) {
        if case .handshaking = state, failure == nil {
            // A reset or close before the handshake finished is a TLS failure, whatever the
            // socket said: typically a plain DICOM peer refusing our ClientHello as a PDU.
            failure = TLSErrors.closedDuringHandshake(error)
        }
        let error = failure ?? error
        finishHandshake(.failure(error ?? TLSErrors.closedDuringHandshake(nil)))
        if case .started(let delegate) = state { delegate.channel(self, didCloseWith: error) }
        state = .closed(error)
    }
}

/// The TCP channel's delegate, forwarding to the TLS channel (so `TLSChannel` itself does not
/// expose delegate methods). The TCP channel holds it, and so the TLS channel, until it closes.
private final class TCPEvents: ChannelDelegate {
    let tls: TLSChannel

    init(_ tls: TLSChannel) { self.tls = tls }

    func channel(_ channel: any Channel, didRead bytes: UnsafeRawBufferPointer) { tls.tcpDidRead(bytes) }
    func channelWritabilityChanged(_ channel: any Channel) { tls.tcpWritabilityChanged() }
    func channelInputEnded(_ channel: any Channel) { tls.tcpInputEnded() }
    func channel(_ channel: any Channel, didCloseWith error: TransportError?) { tls.tcpDidClose(error) }
}
