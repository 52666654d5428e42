import DICOMProtocol

/// One acceptor listening on any number of ports at once (IPv4 and IPv6), each port on every
/// loop of an `EventLoopGroup` (so associations spread over the cores), with a cap on concurrent associations and an acceptance
/// policy; each accepted association goes to the service `route` picks (by called/calling AE
/// title and peer).
///
/// The cap counts associations, not connections: a connection takes a place only when its
/// A-ASSOCIATE-RQ is accepted, so connections that never send one (held until ARTIM closes
/// them) or that the policy rejects cannot lock well-behaved peers out. Beyond the cap an
/// acceptable A-ASSOCIATE-RQ is rejected as transient, "local limit exceeded" (PS3.8 §9.3.4,
/// result 2, source 3, reason 2), so the peer knows to retry; the same for a host over its own
/// cap (`maximumAssociationsPerHost`).
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
        /// Most associations from one peer address at once (`nil`: only the overall cap), so
        /// one flooding host cannot take every place.
        public var maximumAssociationsPerHost: Int?
        public var timeouts: AssociationTimeouts
        /// The negotiation policy and service for an acceptable RQ from a peer host; `nil`
        /// rejects it ("no reason given").
        public var route: @Sendable (AssociateRQ, String) -> (AcceptorPolicy, any DIMSEServiceHandler)?

        public init(
            addresses: [ListenAddress], policy: AcceptancePolicy, maximumAssociations: Int = 64,
            maximumAssociationsPerHost: Int? = nil, timeouts: AssociationTimeouts = AssociationTimeouts(),
            route: @escaping @Sendable (AssociateRQ, String) -> (AcceptorPolicy, any DIMSEServiceHandler)?
        ) {
            self.addresses = addresses
            self.policy = policy
            self.maximumAssociations = maximumAssociations
            self.maximumAssociationsPerHost = maximumAssociationsPerHost
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
    /// Open associations per peer address, when there is a per-host cap. Guarded by `lock`.
    private var activeByHost: [String: Int] = [:]
    /// Guarded by `lock`.
    private var listeners: [TCPListener] = []

    public init(_ configuration: Configuration, group: EventLoopGroup, onEvent: @escaping @Sendable (AcceptorEvent) -> Void = { _ in }) {
        self.configuration = configuration
        self.group = group
        self.onEvent = onEvent
    }

    /// Associations currently open (accepted ones, until they end).
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
    /// over every core. For a given port, a plain probe bind first makes a port already in use
    /// (even by another reuse-port socket) an error. For port 0 the first loop's reuse-port
    /// listener takes the kernel's port and the other loops join it: a probe closed before
    /// they bind would leave a moment in which another acceptor could be handed the same port
    /// and share it with us.
    private func listenOnEveryLoop(_ address: ListenAddress) async -> Result<SocketAddress, TransportError> {
        var loops = group.loops[...]
        var bound: [SocketAddress] = []
        var port = address.port
        if port == 0, let first = loops.popFirst() {
            let result = await run(on: first) { [self] () throws(TransportError) -> SocketAddress in
                try listen(address, port: 0, on: first)
            }
            switch result {
            case .success(let local):
                bound.append(local)
                port = local.port
            case .failure(let error): return .failure(error)
            }
        } else {
            let first = group.loops[0]
            let probe = await run(on: first) { () throws(TransportError) -> Void in
                let listener = try TCPListener(host: address.host, port: address.port, on: first) { _ in }
                listener.close()
            }
            if case .failure(let error) = probe { return .failure(error) }
        }
        for loop in loops {
            let result = await run(on: loop) { [self, port] () throws(TransportError) -> SocketAddress in
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
            let place = Place()
            Association.accept(
                channel: channel, timeouts: configuration.timeouts,
                decide: { [self] rq, peer in decide(rq, peer: peer, place: place) },
                onEnd: { [self] error in
                    if let host = place.host { release(host) }
                    onEvent(.ended(peer: channel.peer, error))
                })
        }
    }

    private func decide(_ rq: AssociateRQ, peer: String, place: Place) -> AcceptorDecision {
        let decision = decision(for: rq, peer: peer)
        switch decision {
        case .accept: onEvent(.accepted(peer: peer, calling: rq.callingAETitle, called: rq.calledAETitle))
        case .reject(let rj): onEvent(.rejected(peer: peer, calling: rq.callingAETitle, called: rq.calledAETitle, rj))
        }
        if case .accept = decision { place.host = AcceptancePolicy.host(ofPeer: peer) }
        return decision
    }

    /// Takes a place under the caps for an association from `host`; false when full.
    private func admit(_ host: String) -> Bool {
        lock.withLock {
            guard active < configuration.maximumAssociations else { return false }
            if let perHost = configuration.maximumAssociationsPerHost {
                guard activeByHost[host, default: 0] < perHost else { return false }
                activeByHost[host, default: 0] += 1
            }
            active += 1
            return true
        }
    }

    private func release(_ host: String) {
        lock.withLock {
            active -= 1
            guard configuration.maximumAssociationsPerHost != nil, let count = activeByHost[host] else { return }
            activeByHost[host] = count > 1 ? count - 1 : nil
        }
    }

    /// The policy first (a stranger takes no place and learns nothing about the load), then
    /// the route, then a place under the cap.
    private func decision(for rq: AssociateRQ, peer: String) -> AcceptorDecision {
        let host = AcceptancePolicy.host(ofPeer: peer)
        if let refused = configuration.policy.rejection(of: rq, peerHost: host) {
            return .reject(refused)
        }
        guard let (policy, handler) = configuration.route(rq, peer) else {
            return .reject(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.noReasonGiven)))
        }
        guard admit(host) else {
            return .reject(AssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation(.localLimitExceeded)))
        }
        return .accept(policy, handler)
    }
}

/// The peer address whose place under the caps one connection's association holds, once
/// accepted. Set by its decision and read when it ends, both on the association's loop thread.
private final class Place: @unchecked Sendable {
    var host: String?
}
