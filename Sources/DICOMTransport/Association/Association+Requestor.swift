import DICOMProtocol

extension Association {
    /// Opens an association as requestor (PS3.8 §9.2, Evt1): resolves the host, connects
    /// (each resolved address in turn, within `timeouts.connect`), sends the A-ASSOCIATE-RQ
    /// and waits for the answer (within `timeouts.associate`). Throws an `AssociationError`
    /// naming the phase: resolve, connect, or associate (rejected with its decoded reason,
    /// aborted, timed out). Runs on the caller's executor: from an actor bound to `loop` (a
    /// load generator's worker), opening an association costs no hop through the global pool.
    public nonisolated(nonsending) static func request(
        _ request: AssociationRequest, on loop: EventLoop
    ) async throws(AssociationError) -> Association {
        let association = Association(
            loop: loop, role: .requestor, timeouts: request.timeouts, peer: "\(request.host):\(request.port)")
        try await association.open(request)
        return association
    }

    private func open(_ request: AssociationRequest) async throws(AssociationError) {
        let result = await withCheckedContinuation { continuation in
            establishing = continuation
            perform(core.requestAssociation(request.associateRQ))
        }
        try result.get()
    }

    /// TRANSPORT CONNECT (AE-1): resolve, then connect.
    func openTransport() {
        let (host, port) = splitPeer()
        enter(.resolve)
        let deadline = ContinuousClock.now + timeouts.connect
        NameResolver.resolve(host: host, port: port, on: eventLoop) { [self] result in
            enterFromLoop { association in
                switch result {
                case .success(let addresses):
                    association.timings.resolve = .now - association.phaseStarted
                    association.enter(.connect)
                    association.connect(addresses[...], deadline: deadline, lastError: nil)
                case .failure(let error):
                    association.transportFailed(error)
                }
            }
        }
    }

    private func splitPeer() -> (String, UInt16) {
        guard let colon = peer.lastIndex(of: ":"), let port = UInt16(peer[peer.index(after: colon)...]) else {
            return (peer, 0)
        }
        return (String(peer[..<colon]), port)
    }

    private func connect(_ addresses: ArraySlice<SocketAddress>, deadline: ContinuousClock.Instant, lastError: TransportError?) {
        var rest = addresses
        guard let address = rest.popFirst() else {
            transportFailed(lastError ?? TransportError(phase: .connect, kind: .other, peer: peer, detail: "no address to connect to"))
            return
        }
        let remaining = deadline - .now
        guard remaining > .zero else {
            transportFailed(TransportError(
                phase: .connect, kind: .timedOut, peer: address.description,
                detail: "no connection to \(address) within \(timeouts.connect)"))
            return
        }
        TCPChannel.connect(host: address.host, port: address.port, on: eventLoop, timeout: remaining) { [self] result in
            enterFromLoop { association in
                switch result {
                case .success(let channel): association.connected(channel)
                case .failure(let error) where error.kind == .timedOut || rest.isEmpty: association.transportFailed(error)
                case .failure(let error): association.connect(rest, deadline: deadline, lastError: error)
                }
            }
        }
    }

    private func connected(_ channel: TCPChannel) {
        guard failure == nil else {
            channel.close()
            return
        }
        timings.connect = .now - phaseStarted
        self.channel = channel
        peer = channel.peer
        channel.start(delegate: self)
        enter(.associate)
        startPhaseTimer(timeouts.associate, "waiting for the A-ASSOCIATE-AC")
        perform(core.transportConnected())
    }

    /// Resolution or connection failed: report it in its phase; the core sees the transport
    /// close (Evt17 in Sta4).
    private func transportFailed(_ error: TransportError) {
        fail(.transport(error.kind), error.detail)
        closedTransport()
    }

    /// A-RELEASE (PS3.8 §7.2): sends the A-RELEASE-RQ and waits for the RP (within
    /// `timeouts.release`); a release collision is resolved as PS3.8 §9.2 prescribes.
    public func release() async throws(AssociationError) {
        let actions = core.release()
        guard case .write = actions.first else { throw notPermitted("release") }
        enter(.release)
        startPhaseTimer(timeouts.release, "waiting for the A-RELEASE-RP")
        let result = await withCheckedContinuation { continuation in
            releasing = continuation
            perform(actions)
        }
        try result.get()
    }

    func notPermitted(_ request: String) -> AssociationError {
        failure ?? AssociationError(
            phase: phase, kind: .notPermitted, peer: peer, detail: "cannot \(request) in \(core.state)", timings: timings)
    }
}
