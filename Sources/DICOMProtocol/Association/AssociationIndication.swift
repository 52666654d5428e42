/// What `AssociationCore` tells its user (PS3.8 §7: the A-ASSOCIATE, P-DATA, A-RELEASE,
/// A-ABORT and A-P-ABORT indications and confirmations), with the PDU contents that go with
/// them.
public enum AssociationIndication: Sendable, Hashable {
    /// A-ASSOCIATE indication (acceptor): answer with `accept` or `reject`.
    case associateRequest(AssociateRQ)
    /// A-ASSOCIATE confirmation, accept (requestor): what was agreed.
    case accepted(NegotiatedAssociation)
    /// A-ASSOCIATE confirmation, reject (requestor): the peer's A-ASSOCIATE-RJ.
    case rejected(AssociateRJ)
    /// P-DATA indication: a received P-DATA-TF (its PDVs are slices of the receive buffer; use
    /// them before feeding more bytes, or they are copied).
    case pData(PDataTF)
    /// A-RELEASE indication (also in a release collision): answer with `releaseResponse()`.
    case releaseRequested
    /// A-RELEASE confirmation: the association is released.
    case released
    /// A-ABORT received from the peer (A-ABORT or A-P-ABORT by its source).
    case aborted(AAbort)
    /// A-P-ABORT by our side of the upper layer: why, in `AbortCause`.
    case providerAborted(AbortCause)
    /// The local request is not allowed in the current state (an empty cell of PS3.8 Table
    /// 9-10): nothing was done.
    case notPermitted(ULEvent, in: ULState)

    /// Why our upper layer aborted the association.
    public enum AbortCause: Sendable, Hashable, CustomStringConvertible {
        /// The transport connection closed under the association (AA-4).
        case transportClosed
        /// We received a PDU we could not decode, or one not allowed in this state, and sent
        /// an A-ABORT with `reason` (AA-8).
        case protocolViolation(AAbort.Reason, detail: String)

        public var description: String {
            switch self {
            case .transportClosed: "the connection closed"
            case .protocolViolation(let reason, let detail): "\(reason): \(detail)"
            }
        }
    }
}
