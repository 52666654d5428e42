import DICOMProtocol

/// One acceptor listening on any number of ports at once (IPv4 and IPv6), each port on every
/// loop of an `EventLoopGroup` (so associations spread over the cores), with a cap on concurrent associations and an acceptance
/// policy; each accepted association goes to the service `route` picks (by called/calling AE
/// title and peer).
///
/// Beyond the cap a connection is not dropped: its A-ASSOCIATE-RQ is read and rejected as
/// transient, "local limit exceeded" (PS3.8 §9.3.4, result 2, source 3, reason 2), so the
/// peer knows to retry.
public final class MultiplexedAcceptor: @unchecked Sendable {
    /// Where to listen: `host` an IP literal ("::" listens on IPv6 and IPv4 where the system
    /// allows dual-stack sockets, "0.0.0.0" on IPv4 only); with `tls`, every connection
    /// handshakes first (PS3.15 Annex B.1), on the loop, so a stalled handshake blocks nobody.
    public struct ListenAddress: Sendable {
        public var host: String
        public var port: UInt16
        public var tls: TLSContext?
        public init(host: String = "::", port: UInt16, tls: TLSContext? = nil) {
            self.host = host
            self.port = port
            self.tls = tls
        }
    }

    public struct Configuration: Sendable {
        public var addresses: [ListenAddress]
        public var policy: AcceptancePolicy
        public var maximumAssociations: Int
        public var timeouts: AssociationTimeouts
        /// The negotiation policy and service for an acceptable RQ from a peer host; `nil`
        /// rejects it ("no reason given").
        public var route: @Sendable (AssociateRQ, String) -> (AcceptorPolicy, any DIMSEServiceHandler)?

        public init(
            addresses: [ListenAddress], policy: AcceptancePolicy, maximumAssociations: Int = 64,
            timeouts: AssociationTimeouts = AssociationTimeouts(),
            route: @escaping @Sendable (AssociateRQ, String) -> (AcceptorPolicy, any DIMSEServiceHandler)?
        ) {
            self.addresses = addresses
            self.policy = policy
            self.maximumAssociations = maximumAssociations
            self.timeouts = timeouts
            self.route = route
        }
    }

    public let configuration: Configuration
    private let group: EventLoopGroup
    private let onEvent: @Sendable (AcceptorEvent) -> Void
    private let lock = PThreadLock()
    /// Guarded by `lock`.
    private var active = 0
    /// Guarded by `lock`.
    private var listeners: [TCPListener] = []

    public init(_ configuration: Configuration, group: EventLoopGroup, onEvent: @escaping @Sendable (AcceptorEvent) -> Void = { _ in }) {
        self.configuration = configuration
        self.group = group
        self.onEvent = onEvent
    }

    /// Associations currently open (admitted ones; those rejected for the cap not counted).
    public var activeAssociations: Int { lock.withLock { active } }

    /// Starts listening on every address; returns the bound addresses (ports resolved when 0
    /// was asked). If one address cannot be bound, the ones already bound are closed and the
    /// error is thrown.
    @discardableResult
    public func start() async throws(TransportError) -> [SocketAddress] {
        var bound: [SocketAddress] = []
        for address in configuration.addresses {
            switch await listenOnEveryLoop(address) {
            case .success(let local): bound.append(local)
            case .failure(let error):
                await stop()
                throw error
            }
        }
        for address in bound { onEvent(.listening(address)) }
        return bound
    }

    /// One `SO_REUSEPORT` listener per loop on the address, so accepted associations spread
    /// over every core. A plain probe bind first makes a port already in use (even by another
    /// reuse-port socket) an error, and resolves port 0 to the port all loops then share.
    private func listenOnEveryLoop(_ address: ListenAddress) async -> Result<SocketAddress, TransportError> {
        let first = group.loops[0]
        let probe = await run(on: first) { () throws(TransportError) -> UInt16 in
            let listener = try TCPListener(host: address.host, port: address.port, on: first) { _ in }
            defer { listener.close() }
            return listener.port
        }
        let port: UInt16
        switch probe {
        case .success(let probed): port = probed
        case .failure(let error): return .failure(error)
        }
        var bound: [SocketAddress] = []
        for loop in group.loops {
            let result = await run(on: loop) { [self] () throws(TransportError) -> SocketAddress in
                try listen(address, port: port, on: loop)
            }
            switch result {
            case .success(let local): bound.append(local)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(bound[0])
    }

    private func run<T: Sendable>(
        on loop: EventLoop, _ body: @escaping @Sendable () throws(TransportError) -> T
    ) async -> Result<T, TransportError> {
        await withCheckedContinuation { continuation in
            loop.execute { continuation.resume(returning: Result { () throws(TransportError) -> T in try body() }) }
        }
    }

    /// Stops listening; open associations run to their end.
    public func stop() async {
        let open = lock.withLock {
            defer { listeners = [] }
            return listeners
        }
        for listener in open {
            await withCheckedContinuation { continuation in
                listener.loop.execute {
                    listener.close()
                    continuation.resume()
                }
            }
        }
    }

    private func listen(_ address: ListenAddress, port: UInt16, on loop: EventLoop) throws(TransportError) -> SocketAddress {
        let listener = try TCPListener(host: address.host, port: port, reusePort: true, on: loop) { [self] result in
            switch (result, address.tls) {
            case (.success(let tcp), let tls?):
                TLSChannel.accept(tcp, context: tls, timeout: configuration.timeouts.artim) { [self] handshake in
                    accepted(handshake.map { $0 })
                }
            default: accepted(result.map { $0 })
            }
        }
        lock.withLock { listeners.append(listener) }
        return listener.localAddress
    }

    private func accepted(_ result: Result<any Channel, TransportError>) {
        switch result {
        case .failure(let error): onEvent(.acceptFailed(error))
        case .success(let channel):
            let admitted = lock.withLock { () -> Bool in
                guard active < configuration.maximumAssociations else { return false }
                active += 1
                return true
            }
            Association.accept(
                channel: channel, timeouts: configuration.timeouts,
                decide: { [self] rq, peer in decide(rq, peer: peer, admitted: admitted) },
                onEnd: { [self] error in
                    if admitted { lock.withLock { active -= 1 } }
                    onEvent(.ended(peer: channel.peer, error))
                })
        }
    }

    private func decide(_ rq: AssociateRQ, peer: String, admitted: Bool) -> AcceptorDecision {
        let decision = decision(for: rq, peer: peer, admitted: admitted)
        switch decision {
        case .accept: onEvent(.accepted(peer: peer, calling: rq.callingAETitle, called: rq.calledAETitle))
        case .reject(let rj): onEvent(.rejected(peer: peer, calling: rq.callingAETitle, called: rq.calledAETitle, rj))
        }
        return decision
    }

    private func decision(for rq: AssociateRQ, peer: String, admitted: Bool) -> AcceptorDecision {
        guard admitted else {
            return .reject(AssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation(.localLimitExceeded)))
        }
        if let refused = configuration.policy.rejection(of: rq, peerHost: AcceptancePolicy.host(ofPeer: peer)) {
            return .reject(refused)
        }
        guard let (policy, handler) = configuration.route(rq, peer) else {
            return .reject(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.noReasonGiven)))
        }
        return .accept(policy, handler)
    }
}
