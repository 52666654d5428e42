import DICOMTransport

/// What a load generator repeats: the association it asks for and one operation inside it.
/// `EchoLoad` is the C-ECHO scenario; storage, query and retrieve scenarios plug in the same
/// way, and `LoadGenerator` supplies churn or reuse, pacing, counting and latencies.
public protocol LoadScenario: Sendable {
    /// "echo", "store", …: the name reports use.
    var name: String { get }
    /// The association every worker opens (host, AE titles, presentation contexts, timeouts).
    var associationRequest: AssociationRequest { get }
    /// One operation on an established association, run on the association's loop; `nil` on
    /// success, else why it failed. A failure that leaves the association unusable must show
    /// in `association.failure` (the generator then opens a new one).
    func perform(on association: isolated Association, messageID: UInt16) async -> EchoFailure?
}
