import DICOMProtocol
import DICOMTransport

/// An established association as `StoreSCU` uses it: the peer's answers to the proposed
/// presentation contexts, and C-STOREs on them. `AssociationStoreOpener` provides the real
/// one over `DICOMTransport.Association`; tests provide their own.
///
/// The methods run on their caller's executor (`nonisolated(nonsending)`): `StoreSCU` runs
/// its loop over the files isolated to `isolation`, in a task that prefers `executor`, so
/// that a C-STORE costs no executor switch and its response resumes the task on the loop,
/// not on the global pool (libuv-swift.md).
public protocol StoreAssociation: Sendable {
    /// The actor the association runs on, or `nil`.
    var isolation: (any Actor)? { get }
    /// The event loop that actor runs on, or `nil`.
    var executor: (any TaskExecutor)? { get }
    /// The peer's answer to every proposed context, by Presentation-context-ID (PS3.8
    /// §9.3.3.2, Table 9-18).
    nonisolated(nonsending) func contextResults() async -> [UInt8: PresentationContextAC]
    /// The peer's Maximum Length (PS3.8 §D.1), which the PDUs of a `StoreMessage` must fit;
    /// 0 = unlimited.
    nonisolated(nonsending) func peerMaximumLength() async -> UInt32
    /// How many C-STOREs may be outstanding at once (the agreed Asynchronous Operations
    /// Window, PS3.7 §D.3.3.3); 1 = one at a time.
    nonisolated(nonsending) func operationsWindow() async -> Int
    /// Whether `start` may be given a `StoreMessage` whose data set goes as file spans
    /// (`sendfile`), which only a plain TCP association sends.
    nonisolated(nonsending) func sendsFileSpans() async -> Bool
    /// Sends `message` (read and encoded off the loop) and returns once it is written;
    /// `completion` gets the C-STORE-RSP (PS3.7 §9.1.1) or the failure later, exactly once, on
    /// the association's executor — so that up to the operations window of C-STOREs are in
    /// flight without a task each. When this throws, nothing was stored and `completion` is
    /// not called. A failure leaves the association unusable.
    nonisolated(nonsending) func start(
        _ message: StoreMessage, completion: @escaping @Sendable (Result<CStoreRSP, any Error>) -> Void
    ) async throws
    /// A-RELEASE (PS3.8 §7.2).
    nonisolated(nonsending) func release() async throws
    /// A-ABORT (PS3.8 §7.3); also what an interrupted send does.
    nonisolated(nonsending) func abort() async
}

extension StoreAssociation {
    public var isolation: (any Actor)? { nil }
    public var executor: (any TaskExecutor)? { nil }
    public nonisolated(nonsending) func operationsWindow() async -> Int { 1 }
    public nonisolated(nonsending) func sendsFileSpans() async -> Bool { false }
}

/// Opens associations to one peer, proposing the given presentation contexts.
public protocol StoreAssociationOpener: Sendable {
    func open(proposing contexts: [PresentationContextRQ]) async throws -> any StoreAssociation
}
