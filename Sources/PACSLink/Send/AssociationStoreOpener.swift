import DICOMProtocol
import DICOMTransport

/// Opens real associations for `StoreSCU` (PS3.8 §9.3.2): to `host`:`port` as
/// `callingAETitle` calling `calledAETitle`, each on the next loop of `group`, over TLS
/// (PS3.15 Annex B.1) when given a context. With a `window` above 1 they propose an
/// Asynchronous Operations Window (PS3.7 §D.3.3.3) of that many C-STOREs outstanding, and
/// `StoreSCU` keeps as many in flight as the acceptor grants (a peer that answers without the
/// item, like DCMTK, grants 1: one at a time).
public struct AssociationStoreOpener: StoreAssociationOpener {
    public var host: String
    public var port: UInt16
    public var calledAETitle: AETitle
    public var callingAETitle: AETitle
    public var timeouts: AssociationTimeouts
    public var tls: TLSContext?
    /// C-STOREs to propose outstanding at once per association; 1: propose no window.
    public var window: UInt16
    public let group: EventLoopGroup

    /// What `pacslink send` proposes by default: as many as `pacslink listen` grants.
    public static let defaultWindow: UInt16 = 64

    /// Throws `ProtocolError` naming the AE title that is not valid.
    public init(
        host: String, port: UInt16, calledAETitle: String, callingAETitle: String, timeouts: AssociationTimeouts,
        tls: TLSContext? = nil, window: UInt16 = 1, group: EventLoopGroup
    ) throws(ProtocolError) {
        self.host = host
        self.port = port
        self.calledAETitle = try AETitle(validating: calledAETitle, field: "called AE title")
        self.callingAETitle = try AETitle(validating: callingAETitle, field: "calling AE title")
        self.timeouts = timeouts
        self.tls = tls
        self.window = max(window, 1)
        self.group = group
    }

    public func open(proposing contexts: [PresentationContextRQ]) async throws -> any StoreAssociation {
        let request = AssociationRequest(
            host: host, port: port, calledAETitle: calledAETitle, callingAETitle: callingAETitle,
            presentationContexts: contexts, timeouts: timeouts, tls: tls,
            asynchronousOperationsWindow: window > 1
                ? AsynchronousOperationsWindow(maximumNumberOperationsInvoked: window, maximumNumberOperationsPerformed: 1) : nil)
        return AssociationStore(association: try await Association.request(request, on: group.next()), proposed: window)
    }
}

/// `StoreAssociation` over a `DICOMTransport.Association` in the requestor role.
struct AssociationStore: StoreAssociation {
    let association: Association
    /// The window we proposed: the most we use, whatever the acceptor answered.
    let proposed: UInt16

    var isolation: (any Actor)? { association }

    var executor: (any TaskExecutor)? { association.eventLoop }

    nonisolated(nonsending) func contextResults() async -> [UInt8: PresentationContextAC] {
        let results = await association.negotiated?.results ?? []
        return Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    nonisolated(nonsending) func peerMaximumLength() async -> UInt32 {
        await association.negotiated?.peerMaximumLength ?? 0
    }

    nonisolated(nonsending) func operationsWindow() async -> Int {
        let granted = await association.negotiated?.requestorOperationsWindow ?? 1
        return Int(granted == 0 ? proposed : min(granted, proposed))
    }

    nonisolated(nonsending) func sendsFileSpans() async -> Bool { await association.sendsFileSpans }

    nonisolated(nonsending) func start(
        _ message: StoreMessage, completion: @escaping @Sendable (Result<CStoreRSP, any Error>) -> Void
    ) async throws {
        try await association.start(encoded: message.encoded()) { response in
            completion(Result { try Self.storeResponse(try response.get()) })
        }
    }

    private static func storeResponse(_ response: DIMSECommand) throws -> CStoreRSP {
        guard case .cStoreRSP(let rsp) = response else {
            throw StoreError("the peer answered the C-STORE-RQ with \(response.commandField)")
        }
        return rsp
    }

    nonisolated(nonsending) func release() async throws { try await association.release() }

    nonisolated(nonsending) func abort() async { await association.abort() }
}

/// A C-STORE exchange that went wrong in a way the association layer does not describe.
struct StoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
