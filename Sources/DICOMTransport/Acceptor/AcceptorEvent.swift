import DICOMProtocol

/// What a `MultiplexedAcceptor` reports, for logs: each line says who, on which port, and
/// what happened, in the standard's words.
public enum AcceptorEvent: Sendable, CustomStringConvertible {
    case listening(SocketAddress)
    case accepted(peer: String, calling: AETitle, called: AETitle)
    case rejected(peer: String, calling: AETitle, called: AETitle, AssociateRJ)
    /// An association's connection closed: `nil` after a normal release (or rejection).
    case ended(peer: String, AssociationError?)
    /// Accepting a connection failed (e.g. out of file descriptors).
    case acceptFailed(TransportError)

    public var description: String {
        switch self {
        case .listening(let address): "listening on \(address)"
        case .accepted(let peer, let calling, let called): "accepted association from \(peer) (calling \(calling), called \(called))"
        case .rejected(let peer, let calling, let called, let rj):
            "rejected association from \(peer) (calling \(calling), called \(called)): \(rj)"
        case .ended(let peer, nil): "association with \(peer) ended"
        case .ended(let peer, let error?): "association with \(peer) failed: \(error.detail) (\(error.phase.rawValue))"
        case .acceptFailed(let error): "accept failed: \(error)"
        }
    }
}
