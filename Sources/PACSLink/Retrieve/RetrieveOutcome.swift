import DICOMProtocol

/// How a retrieve ended: its last state, and whether it completed or timed out.
public struct RetrieveOutcome: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// The final response arrived and every counted instance is stored. The final status
        /// may still be a failure or warning (0xA801, 0xB000): the counts say what happened.
        case completed(finalStatus: DIMSEStatus)
        /// Nothing happened for the inactivity timeout; `missing` says what was outstanding.
        case timedOut(missing: String)
    }

    public let move: PendingMove
    public let ending: Ending
}
