import DICOMProtocol
import DICOMTransport

/// A simulated PACS (the demo's, the tests' and the load rigs' peer): a `MultiplexedAcceptor`
/// serving, as one AE title, Verification (PS3.4 Annex A), Storage (Annex B: into memory or a
/// folder, added to its archive) and Query/Retrieve (Annex C: C-FIND, C-MOVE, C-GET in the
/// Patient Root and Study Root models) over a `StudyDatabase`. Any number of them share one
/// `EventLoopGroup` in one process, each on its own port.
///
/// ```swift
/// let pacs = try SimulatedPACS(.init(aeTitle: "SIMPACS", database: SyntheticStudies(studies: 2).makeDatabase(),
///                                    destinations: ["ME": .init(host: "127.0.0.1", port: 11112)]), group: group)
/// let port = try await pacs.start()
/// …
/// await pacs.stop()
/// ```
public final class SimulatedPACS: Sendable {
    /// What a simulated PACS reports, from any loop thread.
    public enum Event: Sendable {
        case acceptor(AcceptorEvent)
        case service(SimulatorServiceEvent)
    }

    public let configuration: Configuration
    public let aeTitle: AETitle
    /// Its archive, which the Storage SCP adds to.
    public let archive: SimulatorArchive
    let onEvent: @Sendable (Event) -> Void
    private let acceptor: LockedState<MultiplexedAcceptor?> = LockedState(nil)
    private let group: EventLoopGroup
    private let tls: TLSContext?
    /// Sub-associations kept open (`Misbehaviour.neverReleaseSubAssociations`), aborted on stop.
    private let held: LockedState<[Association]> = LockedState([])

    /// Throws `ProtocolError` for an invalid AE title, `TransportError` for an unusable TLS
    /// configuration.
    public init(_ configuration: Configuration, group: EventLoopGroup, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) throws {
        self.configuration = configuration
        aeTitle = try AETitle(validating: configuration.aeTitle, field: "AE title")
        for destination in configuration.destinations.keys {
            _ = try AETitle(validating: destination, field: "move destination")
        }
        tls = try configuration.tls.map { configuration throws(TransportError) in try TLSContext(configuration) }
        archive = SimulatorArchive(configuration.database)
        self.group = group
        self.onEvent = onEvent
    }

    /// Starts listening; returns the bound port.
    @discardableResult
    public func start() async throws(TransportError) -> UInt16 {
        let configuration = MultiplexedAcceptor.Configuration(
            addresses: [MultiplexedAcceptor.ListenAddress(host: self.configuration.host, port: self.configuration.port, tls: tls)],
            policy: AcceptancePolicy(aeTitles: [aeTitle]), maximumAssociations: self.configuration.maximumAssociations,
            timeouts: self.configuration.timeouts,
            // Weak: the acceptor lives as long as the simulator, and a strong capture would make
            // a cycle that keeps both alive after `stop()` (LeakSanitizer found it).
            route: { [weak self] rq, _ in
                guard let self, !self.configuration.misbehaviour.rejectAssociations else { return nil }
                return (Self.policy, SimulatorSCP(pacs: self, callingAETitle: rq.callingAETitle))
            })
        let acceptor = MultiplexedAcceptor(configuration, group: group) { [onEvent] in onEvent(.acceptor($0)) }
        self.acceptor.withLock { $0 = acceptor }
        let bound = try await acceptor.start()
        return bound.first?.port ?? self.configuration.port
    }

    /// Stops listening and aborts the sub-associations it kept open; associations in progress
    /// run to their end.
    public func stop() async {
        let acceptor = self.acceptor.withLock { $0 }
        await acceptor?.stop()
        let open = held.withLock { held in
            defer { held = [] }
            return held
        }
        for association in open { await association.abort() }
    }

    /// Associations open on its port now (those it accepted; not its sub-associations).
    public var activeAssociations: Int { acceptor.withLock { $0?.activeAssociations ?? 0 } }

    /// C-MOVE sub-associations it keeps open (`Misbehaviour.neverReleaseSubAssociations`).
    public var heldSubAssociations: Int { held.withLock { $0.count } }

    func hold(_ association: Association) {
        held.withLock { $0.append(association) }
    }

    /// What the simulator accepts (PS3.8 §9.3.3.2): Verification, the Patient and Study Root
    /// Query/Retrieve classes, and every standard storage class in any transfer syntax it knows
    /// but deflate (stored as received), uncompressed Explicit VR Little Endian preferred. Requestors may
    /// take the SCP role for storage (PS3.4 §C.4.3: C-GET's C-STOREs come back on the same
    /// association).
    public static let policy: AcceptorPolicy = {
        let uncompressed = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]
        // Deflate is never accepted: data sets are kept and indexed as received, and ours are
        // not inflated.
        let any = uncompressed + TransferSyntax.all.filter { !$0.isDeflated }.map(\.uid).filter { !uncompressed.contains($0) }
        var syntaxes: [String: [String]] = [SOPClass.verification.uid: uncompressed]
        for model in QueryModel.allCases {
            for sopClass in [model.findSOPClass, model.moveSOPClass, model.getSOPClass] { syntaxes[sopClass.uid] = uncompressed }
        }
        for sopClass in SOPClass.allStorage { syntaxes[sopClass.uid] = any }
        return AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: syntaxes),
            requestorSCPAllowed: Set(SOPClass.allStorage.map(\.uid)),
            implementationClassUID: UID.implementationClassUID, implementationVersionName: UID.implementationVersionName)
    }()
}
