import DICOMProtocol

extension Association {
    /// Takes an accepted connection into service as acceptor (PS3.8 §9.2, Evt5): starts ARTIM
    /// and waits for the A-ASSOCIATE-RQ, which `decide` answers (on the loop, synchronously).
    /// `onEnd` runs once when the association no longer exists (released, rejected, aborted:
    /// PS3.8 Sta13, or the connection closed), with the failure if any. Call on the channel's
    /// loop.
    @discardableResult
    public static func accept(
        channel: any Channel, timeouts: AssociationTimeouts,
        decide: @escaping @Sendable (AssociateRQ, String) -> AcceptorDecision,
        onEnd: @escaping @Sendable (AssociationError?) -> Void
    ) -> Association {
        let association = Association(loop: channel.loop, role: .acceptor, timeouts: timeouts, peer: channel.peer)
        association.enterFromLoop { $0.start(channel, decide: decide, onEnd: onEnd) }
        return association
    }

    private func start(
        _ channel: any Channel, decide: @escaping @Sendable (AssociateRQ, String) -> AcceptorDecision,
        onEnd: @escaping @Sendable (AssociationError?) -> Void
    ) {
        self.channel = channel
        self.decider = decide
        self.onEnd = onEnd
        enter(.associate)
        channel.start(delegate: self)
        perform(core.transportConnectionIndication())
    }

    /// The peer's A-ASSOCIATE-RQ (from AE-6): accept or reject as the decider says.
    func decide(_ rq: AssociateRQ) {
        guard let decider else {
            perform(core.reject(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.noReasonGiven))))
            return
        }
        switch decider(rq, peer) {
        case .accept(let policy, let handler):
            self.handler = handler
            perform(core.accept(policy: policy))
            if let agreed = core.negotiated { established(agreed) }
        case .reject(let rj):
            perform(core.reject(rj))
        }
        self.decider = nil
    }
}
