import DICOMProtocol

/// Why an association, or an operation on it, failed: in which phase, how, against which peer,
/// with the timings of the phases that completed. A rejection is decoded into the standard's
/// words ("rejected (permanent): called AE title not recognized (service user)").
public struct AssociationError: Error, Sendable, CustomStringConvertible {
    /// The phases of an association's life, in order.
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        case resolve, connect, tls = "TLS", associate, dimse = "DIMSE", release
    }

    public enum Kind: Sendable, Hashable {
        /// Resolution, connection or TLS failed (refused, unreachable, certificate, …).
        case transport(TransportError.Kind)
        /// The peer did not answer within the phase's timeout.
        case timedOut
        /// The peer rejected the association (PS3.8 §9.3.4).
        case rejected(AssociateRJ)
        /// The peer aborted (PS3.8 §9.3.8).
        case aborted(AAbort)
        /// Our upper layer aborted: the peer broke the protocol, or the connection closed.
        case providerAborted(AssociationIndication.AbortCause)
        /// No presentation context was accepted for the abstract syntax (SOP class) needed.
        case noAcceptedContext(abstractSyntax: String)
        /// We aborted the association ourselves (`Association.abort()`).
        case cancelled
        /// The request is not possible in the association's state (e.g. after release), or the
        /// message could not be encoded.
        case notPermitted
    }

    public var phase: Phase
    public var kind: Kind
    public var peer: String
    public var detail: String
    /// The durations of the phases completed before the failure.
    public var timings: AssociationTimings

    public init(phase: Phase, kind: Kind, peer: String, detail: String, timings: AssociationTimings = AssociationTimings()) {
        self.phase = phase
        self.kind = kind
        self.peer = peer
        self.detail = detail
        self.timings = timings
    }

    /// "associate with 127.0.0.1:104 failed: rejected (permanent): called AE title not
    /// recognized (service user)".
    public var description: String { "\(phase.rawValue) with \(peer) failed: \(detail)" }
}
