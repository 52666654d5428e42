/// The outcome of A-ASSOCIATE negotiation as one side sees it (PS3.8 §9.3.2–9.3.3, Annex D).
public struct NegotiatedAssociation: Sendable, Hashable {
    public var acceptedContexts: [AcceptedPresentationContext]
    /// Every context's answer, accepted or not, for reporting why something was refused.
    public var results: [PresentationContextAC]
    /// The peer's Maximum Length (PS3.8 §D.1): our P-DATA-TF PDUs to it must not be longer.
    /// 0 = unlimited (also when the peer sent none).
    public var peerMaximumLength: UInt32
    /// The peer's implementation identification (PS3.8 §D.3.3.2), for logs.
    public var peerImplementationClassUID: String?
    public var peerImplementationVersionName: String?
    /// The agreed window as the A-ASSOCIATE-AC stated it (PS3.7 §D.3.3.3, the acceptor's
    /// values); 1/1 when not negotiated.
    public var asynchronousOperationsWindow: AsynchronousOperationsWindow

    /// How many requests the association-requestor may have outstanding (the acceptor's
    /// Maximum-number-operations-performed, PS3.7 §D.3.3.3); 0 = unlimited.
    public var requestorOperationsWindow: UInt16 { asynchronousOperationsWindow.maximumNumberOperationsPerformed }
    /// How many requests the association-acceptor may have outstanding (its
    /// Maximum-number-operations-invoked); 0 = unlimited.
    public var acceptorOperationsWindow: UInt16 { asynchronousOperationsWindow.maximumNumberOperationsInvoked }

    public init(
        acceptedContexts: [AcceptedPresentationContext], results: [PresentationContextAC],
        peerMaximumLength: UInt32, peerImplementationClassUID: String? = nil,
        peerImplementationVersionName: String? = nil,
        asynchronousOperationsWindow: AsynchronousOperationsWindow = .synchronous
    ) {
        self.acceptedContexts = acceptedContexts
        self.results = results
        self.peerMaximumLength = peerMaximumLength
        self.peerImplementationClassUID = peerImplementationClassUID
        self.peerImplementationVersionName = peerImplementationVersionName
        self.asynchronousOperationsWindow = asynchronousOperationsWindow
    }

    /// The accepted context with this ID, if any (to route an incoming PDV).
    public func context(id: UInt8) -> AcceptedPresentationContext? {
        acceptedContexts.first { $0.id == id }
    }

    /// The first accepted context for `abstractSyntax`, preferring `transferSyntax` when given
    /// (to choose where to send a message).
    public func context(abstractSyntax: String, transferSyntax: String? = nil) -> AcceptedPresentationContext? {
        let candidates = acceptedContexts.filter { $0.abstractSyntax == abstractSyntax }
        return candidates.first { $0.transferSyntax == transferSyntax } ?? candidates.first
    }
}
