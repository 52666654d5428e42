import DICOMProtocol
import DICOMTransport

/// The Storage SOP Classes as SCP (PS3.4 Annex B) for one association, plus Verification:
/// each C-STORE-RQ is routed on its own (`RetrieveCoordinator`: a C-MOVE sub-operation, or
/// unsolicited), its data set streamed to a Part 10 file on libuv's thread pool as it arrives
/// (`PooledInstanceWriter`), and answered only once the file is renamed into place — or with
/// the failure status of `StorageError` (0xA700, 0xA900, 0xC000, 0x0110), no partial file left.
///
/// On the requestor side of a C-GET the same handler serves the stores of that retrieve
/// (`getRetrieve`), which need no routing.
///
/// With `discard` (for measuring the network path only, like `storescp --ignore`) every
/// C-STORE is answered with success as soon as its data set has arrived: nothing is routed or
/// written, so nothing is stored.
public struct StorageSCP: DIMSEServiceHandler {
    public let store: InstanceStore
    public let coordinator: RetrieveCoordinator
    /// Calling AE title of the association (the PACS).
    public let callingAETitle: String
    /// The peer's IP address.
    public let peerAddress: String
    /// C-GET: the retrieve whose association this is.
    public let getRetrieve: PendingMove.ID?
    /// Hears each C-ECHO answered (the peer), for logs.
    public let onEcho: @Sendable (_ peer: String) -> Void
    /// Answer success without storing (benchmarks only).
    public let discard: Bool
    /// Write buffers reused by this association's instances, one after another.
    private let buffers = BatchBuffers()

    public init(
        store: InstanceStore, coordinator: RetrieveCoordinator, callingAETitle: String, peerAddress: String,
        getRetrieve: PendingMove.ID? = nil, discard: Bool = false, onEcho: @escaping @Sendable (_ peer: String) -> Void = { _ in }
    ) {
        self.onEcho = onEcho
        self.discard = discard
        self.store = store
        self.coordinator = coordinator
        self.callingAETitle = callingAETitle
        self.peerAddress = peerAddress
        self.getRetrieve = getRetrieve
    }

    /// The Maximum Length (PS3.8 §D.1) we advertise for incoming storage associations: 256 KiB
    /// instead of DCMTK's 16 KiB. Senders fragment to the receiver's maximum (DCMTK's `storescu`
    /// does), so a 0.5 MB instance arrives in 3 PDUs instead of 33: fewer PDU and PDV headers
    /// to parse and fewer calls per instance. A peer's PDU is held whole while it arrives, so
    /// this is also the read memory per association beyond the socket's.
    public static let maximumPDULength: UInt32 = 256 << 10

    /// How many C-STOREs of one association we perform at once by default when the requestor
    /// proposes an Asynchronous Operations Window (PS3.7 §D.3.3.3): each is written on the
    /// thread pool and answered when its file is in place, while the next ones arrive; the
    /// association's read backpressure bounds the bytes they hold together. 64: over one
    /// association on loopback, 1,000 small C-STOREs took 42 ms with 64 or 128 against 58 ms
    /// with 16 (process start included) — the sender then writes, and we answer, dozens per
    /// turn.
    public static let operationsWindow: UInt16 = 64

    /// Every non-retired storage SOP class and Verification; `preferred` (a server's
    /// compression) first when the requestor proposes it, else Explicit then Implicit VR Little
    /// Endian (deflate is never accepted: the writer stores data sets as received). Advertises
    /// `maximumPDULength`. Made once per preferred syntax and kept: building the table of
    /// every storage SOP class was 12% of `listen`'s CPU when each association carries few
    /// C-STOREs.
    public static func policy(preferring preferred: String? = nil) -> AcceptorPolicy {
        if let made = madePolicies.withLock({ $0[preferred] }) { return made }
        let made = makePolicy(preferring: preferred)
        madePolicies.withLock { $0[preferred] = made }
        return made
    }

    /// `policy(preferring:)` by preferred transfer syntax (nil: none); a listener has a few.
    private static let madePolicies = LockedState<[String?: AcceptorPolicy]>([:])

    private static func makePolicy(preferring preferred: String?) -> AcceptorPolicy {
        let uncompressed = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]
        let usable = preferred.flatMap { $0 == TransferSyntax.deflatedExplicitVRLittleEndian.uid ? nil : $0 }
        let storage = usable.map { first in [first] + uncompressed.filter { $0 != first } } ?? uncompressed
        var syntaxes = [SOPClass.verification.uid: uncompressed]
        for sopClass in SOPClass.allStorage { syntaxes[sopClass.uid] = storage }
        return AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: syntaxes), maximumLength: maximumPDULength,
            implementationClassUID: UID.implementationClassUID, implementationVersionName: UID.implementationVersionName)
    }

    /// Requests that arrive whole: C-ECHO, answered as the Verification SCP does (C-STOREs
    /// are streamed, below); anything else aborts the association.
    public func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        VerificationSCP(onEcho: onEcho).association(association, received: request, dataSet: dataSet, context: context)
    }

    public func association(
        _ association: isolated Association, streamDataSetOf request: DIMSECommand, context: AcceptedPresentationContext
    ) -> (any DIMSEDataSetSink)? {
        guard case .cStoreRQ(let rq) = request else { return nil }
        if discard { return DiscardSink(request: rq, contextID: context.id) }
        let route: StoreRoute
        if let getRetrieve {
            route = coordinator.beginStore(rq.affectedSOPInstanceUID, for: getRetrieve)
        } else {
            route = coordinator.route(IncomingStore(rq, callingAETitle: callingAETitle, peerAddress: peerAddress, arrivedAt: .now))
        }
        let instance = IncomingInstance(
            rq, transferSyntaxUID: context.transferSyntax, callingAETitle: callingAETitle, disposition: route.disposition)
        let writer = PooledInstanceWriter(
            writer: store.begin(instance), pool: BlockingWorkPool(loop: association.eventLoop), buffers: buffers)
        return StoreSink(request: rq, contextID: context.id, route: route, writer: writer, coordinator: coordinator)
    }
}

/// One C-STORE's data set on its way to disk; answers the request once the file is in place.
private final class StoreSink: DIMSEDataSetSink {
    let request: CStoreRQ
    let contextID: UInt8
    let route: StoreRoute
    let writer: PooledInstanceWriter
    let coordinator: RetrieveCoordinator

    init(request: CStoreRQ, contextID: UInt8, route: StoreRoute, writer: PooledInstanceWriter, coordinator: RetrieveCoordinator) {
        self.request = request
        self.contextID = contextID
        self.route = route
        self.writer = writer
        self.coordinator = coordinator
    }

    func append(_ fragment: ArraySlice<UInt8>) {
        writer.append(fragment)
    }

    var pendingByteCount: Int { writer.pendingBytes }

    func setDrainHandler(_ handler: @escaping () -> Void) {
        writer.onProgress = handler
    }

    func finish(_ association: isolated Association) {
        let (request, contextID, route, coordinator) = (request, contextID, route, coordinator)
        writer.finish { [association] result in
            let rsp: CStoreRSP
            switch result {
            case .success:
                rsp = CStoreRSP(
                    messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                    affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: .success)
            case .failure(let error):
                rsp = CStoreRSP(
                    messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                    affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: error.status, errorComment: error.errorComment)
            }
            _ = association.enterFromLoop { $0.respond(rsp, contextID: contextID) }
            coordinator.finishStore(route, sopInstanceUID: request.affectedSOPInstanceUID, result: result)
        }
    }

    func abort() {
        writer.abort()
        coordinator.finishStore(
            route, sopInstanceUID: request.affectedSOPInstanceUID,
            result: .failure(StorageError(.ioFailure, "the association ended before the data set was complete")))
    }
}

/// A C-STORE's data set dropped as it arrives (`StorageSCP.discard`): success once it is complete.
private final class DiscardSink: DIMSEDataSetSink {
    let request: CStoreRQ
    let contextID: UInt8

    init(request: CStoreRQ, contextID: UInt8) {
        self.request = request
        self.contextID = contextID
    }

    func append(_ fragment: ArraySlice<UInt8>) {}

    func finish(_ association: isolated Association) {
        association.respond(
            CStoreRSP(
                messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: .success),
            contextID: contextID)
    }

    func abort() {}
}
