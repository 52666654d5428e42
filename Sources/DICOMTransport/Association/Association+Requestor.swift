import DICOMProtocol

extension Association {
    /// Opens an association as requestor (PS3.8 §9.2, Evt1): resolves the host, connects
    /// (each resolved address in turn) and with TLS handshakes, within `timeouts.connect`,
    /// sends the A-ASSOCIATE-RQ
    /// and waits for the answer (within `timeouts.associate`). Throws an `AssociationError`
    /// naming the phase: resolve, connect, or associate (rejected with its decoded reason,
    /// aborted, timed out). Runs on the caller's executor: from an actor bound to `loop` (a
    /// load generator's worker), opening an association costs no hop through the global pool.
    public nonisolated(nonsending) static func request(
        _ request: AssociationRequest, on loop: EventLoop
    ) async throws(AssociationError) -> Association {
        let association = Association(
            loop: loop, role: .requestor, timeouts: request.timeouts, peer: "\(request.host):\(request.port)",
            target: (request.host, request.port), tls: request.tls)
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

    /// TRANSPORT CONNECT (AE-1): resolve, connect (each resolved address in turn) and, with
    /// TLS, handshake — each within `timeouts.connect`.
    func openTransport() {
        guard let (host, port) = target else { return }
        enter(.connect)
        let connected: (Result<any Channel, TransportError>) -> Void = { [self] result in
            enterFromLoop { association in
                switch result {
                case .success(let channel): association.connected(channel)
                case .failure(let error): association.transportFailed(error)
                }
            }
        }
        if let tls {
            TLSChannel.connect(host: host, port: port, on: eventLoop, timeout: timeouts.connect, context: tls) {
                connected($0.map { $0 })
            }
        } else {
            TCPChannel.connect(host: host, port: port, on: eventLoop, timeout: timeouts.connect) { connected($0.map { $0 }) }
        }
    }

    private func connected(_ channel: any Channel) {
        guard failure == nil else {
            channel.close()
            return
        }
        let connection = (channel as? TLSChannel)?.timings ?? (channel as? TCPChannel)?.timings
        timings.resolve = connection?.resolve
        timings.connect = connection?.connect
        timings.tls = connection?.tlsHandshake
        self.channel = channel
        peer = channel.peer
        channel.start(delegate: self)
        enter(.associate)
        startPhaseTimer(timeouts.associate, "waiting for the A-ASSOCIATE-AC")
        perform(core.transportConnected())
    }

    /// Resolution, connection or the TLS handshake failed: report it in its phase; the core
    /// sees the transport close (Evt17 in Sta4).
    private func transportFailed(_ error: TransportError) {
        phase = switch error.phase {
        case .resolve: .resolve
        case .tlsHandshake, .tls: .tls
        case .connect, .listen, .read, .write: .connect
        }
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
