/// What the I/O code must do after the state machine handled an event (PS3.8 §9.2.2): the
/// state machine decides, the association actor carries out, in order.
public enum ULOutput: Hashable, Sendable {
    /// The PDUs the state machine asks to send (PS3.8 §9.3); the I/O code supplies their
    /// contents.
    public enum PDU: Hashable, Sendable {
        case associateRQ
        case associateAC
        case associateRJ
        case pDataTF
        case releaseRQ
        case releaseRP
        /// A-ABORT with the given source: service-user for AA-1, service-provider for AA-7
        /// and AA-8. The reason (PS3.8 Table 9-26) is the I/O code's to choose.
        case abort(ULAbortSource)
    }

    /// The service primitives the state machine issues to the local user (PS3.8 §7).
    public enum Primitive: Hashable, Sendable {
        /// A-ASSOCIATE indication: a peer asks for an association (AE-6).
        case associateIndication
        /// A-ASSOCIATE confirmation (accept): the peer accepted our request (AE-3).
        case associateAccepted
        /// A-ASSOCIATE confirmation (reject): the peer rejected our request (AE-4).
        case associateRejected
        /// P-DATA indication: the received P-DATA-TF is for the user (DT-2, AR-6).
        case pDataIndication
        /// A-RELEASE indication: the peer asks to release (AR-2, AR-8).
        case releaseIndication
        /// A-RELEASE confirmation: the peer agreed to release (AR-3, AR-10).
        case releaseConfirmation
        /// A-ABORT indication: the peer's user aborted (AA-3).
        case abortIndication
        /// A-P-ABORT indication: a service provider aborted, ours or the peer's, or the
        /// transport closed under the association (AA-3, AA-4, AA-8).
        case providerAbortIndication
    }

    /// TRANSPORT CONNECT request: open the connection to the peer (AE-1).
    case openTransportConnection
    /// Transport connection response: take the accepted connection into service (AE-5).
    case acceptTransportConnection
    /// Send this PDU on the transport connection.
    case send(PDU)
    /// Issue this indication or confirmation to the local user.
    case issue(Primitive)
    /// Start the ARTIM timer, or restart it if it runs (PS3.8 §9.1.5); its expiry is Evt18.
    case startARTIM
    /// Stop the ARTIM timer.
    case stopARTIM
    /// Close the transport connection.
    case closeTransportConnection
    /// The event has no action in the current state (an empty cell of PS3.8 Table 9-10): the
    /// state did not change and nothing else is to be done; the I/O code decides whether this
    /// is a caller's mistake (a local primitive at the wrong time) or noise to log.
    case eventNotPermitted(ULEvent, in: ULState)
}
