/// Why a retrieve could not be tracked.
public enum RetrieveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every Message ID (1…65535) belongs to an open retrieve: finish some first.
    case messageIDsExhausted
    /// No open retrieve has this id (it completed, timed out or never existed).
    case unknownRetrieve(PendingMove.ID)

    public var description: String {
        switch self {
        case .messageIDsExhausted:
            "65,535 retrieves are open, so no Message ID is free (PS3.7 §9.1.4: unique per open move); wait for some to finish"
        case .unknownRetrieve(let id):
            "retrieve \(id.rawValue) is not open (it completed or timed out)"
        }
    }
}
