import DICOMTransport

/// What a load generator repeats: the association it asks for and one operation inside it.
/// `EchoLoad`, `StoreLoad`, `FindLoad` and `MoveLoad` are the scenarios; `LoadGenerator`
/// supplies churn or reuse, pacing, counting and latencies.
public protocol LoadScenario: Sendable {
    /// "echo", "store", …: the name reports use.
    var name: String { get }
    /// What `LoadOutcome.items` counts ("matches", "sub-operations"), or `nil` when nothing.
    var itemName: String? { get }
    /// The association every worker opens (host, AE titles, presentation contexts, timeouts).
    var associationRequest: AssociationRequest { get }
    /// One operation on an established association, run on the association's loop: whether it
    /// succeeded, and what it carried. A failure that leaves the association unusable must
    /// show in `association.failure` (the generator then opens a new one). The operation
    /// must not release the association: the generator does, or reuses it.
    func perform(on association: isolated Association, messageID: UInt16) async -> LoadOutcome
}

extension LoadScenario {
    public var itemName: String? { nil }
}
