import CLibUV

extension TCPChannel {
    /// Resolves `host` and connects to each of its addresses in turn until one answers, all
    /// within `timeout`. `completion` runs once, on `loop`'s thread (call this there too; it
    /// may run before this returns), with a connected channel (not yet reading: call
    /// `start(delegate:)`) or a typed error: the resolve error, `.timedOut`, or the last
    /// address's connect error.
    public static func connect(
        host: String, port: UInt16, on loop: EventLoop, timeout: Duration,
        _ completion: @escaping (Result<TCPChannel, TransportError>) -> Void
    ) {
        TCPConnector(target: .host(host, port), loop: loop, timeout: timeout, completion: completion).start()
    }

    /// Connects to each of `addresses` in turn (already resolved), as `connect(host:…)` does.
    public static func connect(
        to addresses: [SocketAddress], on loop: EventLoop, timeout: Duration,
        _ completion: @escaping (Result<TCPChannel, TransportError>) -> Void
    ) {
        TCPConnector(target: .addresses(addresses), loop: loop, timeout: timeout, completion: completion).start()
    }

    /// `connect(host:…)` for async callers.
    public static func connect(
        host: String, port: UInt16, on loop: EventLoop, timeout: Duration
    ) async throws(TransportError) -> TCPChannel {
        try await loop.awaitCompletion { completion in
            connect(host: host, port: port, on: loop, timeout: timeout, completion)
        }
    }

    /// `connect(to:…)` for async callers.
    public static func connect(
        to addresses: [SocketAddress], on loop: EventLoop, timeout: Duration
    ) async throws(TransportError) -> TCPChannel {
        try await loop.awaitCompletion { completion in
            connect(to: addresses, on: loop, timeout: timeout, completion)
        }
    }
}

/// One connection attempt sequence: resolution, then `uv_tcp_connect` per address, under one
/// deadline. Kept alive by its pending request or timer until it completes.
private final class TCPConnector {
    enum Target {
        case host(String, UInt16)
        case addresses([SocketAddress])
    }

    let target: Target
    let loop: EventLoop
    let timeout: Duration
    private var completion: ((Result<TCPChannel, TransportError>) -> Void)?
    private var timer: LoopTimer?
    private var addresses: ArraySlice<SocketAddress> = []
    private var attempt: TCPChannel?
    private var timedOut = false
    private let clock = ContinuousClock()
    private var phaseStart: ContinuousClock.Instant
    private var timings = ConnectionTimings()

    init(target: Target, loop: EventLoop, timeout: Duration,
         completion: @escaping (Result<TCPChannel, TransportError>) -> Void) {
        self.target = target
        self.loop = loop
        self.timeout = timeout
        self.completion = completion
        phaseStart = clock.now
    }

    private var targetDescription: String {
        switch target {
        case .host(let host, let port): SocketAddress(ipLiteral: host, port: port)?.description ?? "\(host):\(port)"
        case .addresses(let addresses): addresses.first?.description ?? "no address"
        }
    }

    func start() {
        timer = LoopTimer.oneShot(on: loop, after: timeout) { [self] in expire() }
        switch target {
        case .addresses(let addresses):
            connect(to: addresses)
        case .host(let host, let port) where SocketAddress(ipLiteral: host, port: port) != nil:
            connect(to: [SocketAddress(ipLiteral: host, port: port)!])
        case .host(let host, let port):
            NameResolver.resolve(host: host, port: port, on: loop) { [self] result in
                timings.resolve = clock.now - phaseStart
                switch result {
                case .success(let addresses): connect(to: addresses)
                case .failure(let error): finish(.failure(error))
                }
            }
        }
    }

    private func connect(to addresses: [SocketAddress]) {
        self.addresses = addresses[...]
        phaseStart = clock.now
        connectNext(lastError: nil)
    }

    private func connectNext(lastError: TransportError?) {
        guard completion != nil else { return }
        guard !loop.isShuttingDown else {
            finish(.failure(loop.shutDownError(during: .connect)))
            return
        }
        guard let address = addresses.popFirst() else {
            finish(.failure(lastError ?? TransportError(phase: .connect, kind: .invalidAddress, peer: targetDescription,
                                                        detail: "no address to connect to")))
            return
        }
        do {
            let channel = try TCPChannel(loop: loop, peer: address.description)
            attempt = channel
            let request = UnsafeMutablePointer<uv_connect_t>.allocate(capacity: 1)
            request.pointee.data = Unmanaged.passRetained(self).toOpaque()
            let status = address.withSockaddr { uv_tcp_connect(request, channel.tcp, $0, connectCallback) }
            if status != 0 {
                Unmanaged<TCPConnector>.fromOpaque(request.pointee.data).release()
                request.deallocate()
                attemptFailed(LibUVStatus(status))
            }
        } catch {
            finish(.failure(error))
        }
    }

    fileprivate func connected(_ status: Int32) {
        guard let channel = attempt else { return }
        attempt = nil
        if status == 0, completion != nil, channel.isOpen {
            channel.configureConnectedSocket()
            timings.connect = clock.now - phaseStart
            channel.timings = timings
            finish(.success(channel))
        } else {
            channel.abort()
            if timedOut {
                finish(.failure(TransportError(
                    phase: .connect, kind: .timedOut, peer: channel.peer,
                    detail: "no connection to \(channel.peer) within \(timeout)")))
            } else {
                attemptFailed(LibUVStatus(status == 0 ? UV_ECANCELED.rawValue : status), channel: channel)
            }
        }
    }

    private func attemptFailed(_ status: LibUVStatus, channel: TCPChannel? = nil) {
        let failed = channel ?? attempt
        attempt = nil
        failed?.abort()
        connectNext(lastError: TransportError(phase: .connect, status: status, peer: failed?.peer ?? targetDescription))
    }

    private func expire() {
        timedOut = true
        if let attempt {
            attempt.abort()  // its connect callback reports the timeout
        } else {
            finish(.failure(TransportError(phase: .resolve, kind: .timedOut, peer: targetDescription,
                                           detail: "\(targetDescription) was not resolved within \(timeout)")))
        }
    }

    private func finish(_ result: Result<TCPChannel, TransportError>) {
        guard let completion else { return }
        self.completion = nil
        timer?.cancel()
        timer = nil
        completion(result)
    }
}

private let connectCallback: uv_connect_cb = { request, status in
    guard let request else { return }
    let connector = Unmanaged<TCPConnector>.fromOpaque(request.pointee.data).takeRetainedValue()
    request.deallocate()
    connector.connected(status)
}
