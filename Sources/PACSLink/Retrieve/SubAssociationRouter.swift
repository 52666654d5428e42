import DICOMProtocol

/// Routes the C-STOREs of retrieve sub-operations to the retrieve that caused them, and tracks
/// every open retrieve to completion (PS3.4 §C.4.2 C-MOVE, §C.4.3 C-GET). Pure logic: no I/O,
/// time passed in, so one instance can live in the actor that owns the listener and be tested
/// without sockets.
///
/// Routing is per C-STORE, not per association (a PACS may open several associations for one
/// move, or send two moves' instances over one), by these rules in order:
/// 1. Move Originator AE Title (0000,1030) equal to the move's `ourAETitle` and Move
///    Originator Message ID (0000,1031) equal to its Message ID. When both fields are present
///    but name no open move, the store is unsolicited: the PACS said whose it is, and that
///    retrieve is not (or no longer) ours to fill.
/// 2. Otherwise (fields absent, or only one of them), the open C-MOVEs whose PACS AE title is
///    the association's Calling AE, whose resolved addresses include the peer's, that started
///    before the store and have been active within `fallbackWindow` of it. One such move
///    matches; several are `ambiguous` (the data set's study decides, `resolve`); none is
///    unsolicited.
///
/// C-GET stores arrive on the C-GET's own association, so the association layer names the
/// retrieve directly (`beginStore`); tracking and completion are shared.
///
/// Message IDs are handed out unique across all open retrieves (1…65535, 0 never used, freed
/// when a retrieve ends).
public struct SubAssociationRouter: Sendable {
    /// How long after a move's last activity a store without originator fields may still be
    /// matched to it.
    public var fallbackWindow: Duration
    /// A retrieve with no response and no store for this long times out.
    public var inactivityTimeout: Duration

    public private(set) var openRetrieves: [PendingMove.ID: PendingMove] = [:]
    private var byMessageID: [UInt16: PendingMove.ID] = [:]
    private var nextID: UInt64 = 1
    private var nextMessageID: UInt16 = 1

    public init(fallbackWindow: Duration = .seconds(30), inactivityTimeout: Duration = .seconds(120)) {
        self.fallbackWindow = fallbackWindow
        self.inactivityTimeout = inactivityTimeout
    }

    /// Opens a retrieve about to be sent; use the returned move's `messageID` in the request.
    public mutating func register(_ request: RetrieveRequest, at now: ContinuousClock.Instant) throws(RetrieveError) -> PendingMove {
        let messageID = try allocateMessageID()
        let move = PendingMove(id: PendingMove.ID(rawValue: nextID), request: request, messageID: messageID, startedAt: now)
        nextID += 1
        openRetrieves[move.id] = move
        byMessageID[messageID] = move.id
        return move
    }

    /// The open retrieve whose request carried `messageID`.
    public func retrieve(messageID: UInt16) -> PendingMove? {
        byMessageID[messageID].flatMap { openRetrieves[$0] }
    }

    // MARK: Routing

    /// Routes one C-STORE-RQ; on a match the instance counts as being stored for that retrieve
    /// until `finishStore`, which every routed store must reach (with a failure status when the
    /// association ended mid-instance), or the retrieve can only time out.
    public mutating func route(_ store: IncomingStore) -> StoreRoute {
        let route = match(store)
        if case .retrieve(let id, _) = route { openRetrieves[id]?.beginStore(store.sopInstanceUID, at: store.arrivedAt) }
        return route
    }

    /// Narrows an `ambiguous` route by the data set's Study and Series Instance UIDs (0020,000D),
    /// (0020,000E), once enough of it has arrived to read them.
    public mutating func resolve(
        _ candidates: [PendingMove.ID], sopInstanceUID: String, studyInstanceUID: String,
        seriesInstanceUID: String, at now: ContinuousClock.Instant
    ) -> StoreRoute {
        let fitting = candidates.filter {
            openRetrieves[$0]?.request.covers(studyInstanceUID: studyInstanceUID, seriesInstanceUID: seriesInstanceUID) == true
        }
        switch fitting.count {
        case 1:
            openRetrieves[fitting[0]]?.beginStore(sopInstanceUID, at: now)
            return .retrieve(fitting[0], rule: .studyInDataSet)
        case 0:
            return .unsolicited(reason: "study \(studyInstanceUID) is not what any of \(Self.list(candidates)) asked for")
        default:
            return .ambiguous(fitting)
        }
    }

    /// C-GET: a store that came on the association of retrieve `id`.
    public mutating func beginStore(_ sopInstanceUID: String, for id: PendingMove.ID, at now: ContinuousClock.Instant) throws(RetrieveError) -> StoreRoute {
        guard openRetrieves[id] != nil else { throw .unknownRetrieve(id) }
        openRetrieves[id]?.beginStore(sopInstanceUID, at: now)
        return .retrieve(id, rule: .sameAssociation)
    }

    private func match(_ store: IncomingStore) -> StoreRoute {
        let originatorAE = store.moveOriginatorAETitle.map(Self.trimmed)
        if let originatorAE, !originatorAE.isEmpty, let messageID = store.moveOriginatorMessageID {
            guard let move = retrieve(messageID: messageID), move.request.method == .move,
                Self.trimmed(move.request.ourAETitle) == originatorAE
            else {
                return .unsolicited(reason: "Move Originator \(originatorAE) / Message ID \(messageID) names no open move of ours")
            }
            return .retrieve(move.id, rule: .moveOriginator)
        }
        let calling = Self.trimmed(store.callingAETitle)
        let address = PeerAddress.normalized(store.peerAddress)
        let candidates = openRetrieves.values.filter { move in
            move.request.method == .move && Self.trimmed(move.request.calledAETitle) == calling
                && move.request.peerAddresses.contains { PeerAddress.normalized($0) == address }
                && move.startedAt <= store.arrivedAt && store.arrivedAt - move.lastActivity <= fallbackWindow
        }.map(\.id).sorted()
        switch candidates.count {
        case 0:
            return .unsolicited(reason: "no Move Originator fields, and no open move from \(calling) at \(address) within \(fallbackWindow)")
        case 1:
            return .retrieve(candidates[0], rule: .callingAEAddressAndWindow)
        default:
            return .ambiguous(candidates)
        }
    }

    // MARK: Tracking

    /// A C-MOVE-RSP or C-GET-RSP, found by Message ID Being Responded To. Returns the outcome
    /// when it completes its retrieve (which is then closed); `nil` otherwise, or when the ID is
    /// not an open retrieve's.
    public mutating func receive(_ response: some RetrieveResponse, at now: ContinuousClock.Instant) -> RetrieveOutcome? {
        guard let id = byMessageID[response.messageIDBeingRespondedTo] else { return nil }
        openRetrieves[id]?.receive(response.subOperations, status: response.status, at: now)
        return closeIfComplete(id)
    }

    /// The store of `sopInstanceUID` for retrieve `id` ended with `status` (what we answered
    /// the PACS: success only once the file was renamed into place). Returns the outcome when
    /// this completes the retrieve.
    public mutating func finishStore(
        _ sopInstanceUID: String, for id: PendingMove.ID, status: DIMSEStatus, at now: ContinuousClock.Instant
    ) -> RetrieveOutcome? {
        openRetrieves[id]?.finishStore(sopInstanceUID, status: status, at: now)
        return closeIfComplete(id)
    }

    /// Closes and returns every retrieve idle for `inactivityTimeout` or longer at `now`.
    public mutating func expire(at now: ContinuousClock.Instant) -> [RetrieveOutcome] {
        let idle = openRetrieves.values.filter { now - $0.lastActivity >= inactivityTimeout }.map(\.id).sorted()
        return idle.compactMap { id in
            close(id).map { RetrieveOutcome(move: $0, ending: .timedOut(missing: $0.missing)) }
        }
    }

    /// The earliest time a retrieve can time out, for the caller's timer.
    public var nextExpiry: ContinuousClock.Instant? {
        openRetrieves.values.map(\.lastActivity).min().map { $0 + inactivityTimeout }
    }

    private mutating func closeIfComplete(_ id: PendingMove.ID) -> RetrieveOutcome? {
        guard let move = openRetrieves[id], move.isComplete, let status = move.finalStatus else { return nil }
        close(id)
        return RetrieveOutcome(move: move, ending: .completed(finalStatus: status))
    }

    /// Closes retrieve `id` now, whatever its state (its association failed); returns it.
    @discardableResult
    public mutating func close(_ id: PendingMove.ID) -> PendingMove? {
        guard let move = openRetrieves.removeValue(forKey: id) else { return nil }
        byMessageID[move.messageID] = nil
        return move
    }

    private mutating func allocateMessageID() throws(RetrieveError) -> UInt16 {
        guard byMessageID.count < Int(UInt16.max) else { throw .messageIDsExhausted }
        while byMessageID[nextMessageID] != nil || nextMessageID == 0 { nextMessageID &+= 1 }
        defer { nextMessageID &+= 1 }
        return nextMessageID
    }

    /// AE titles compare without their insignificant leading/trailing spaces (PS3.5 §6.2).
    private static func trimmed(_ aeTitle: String) -> String {
        String(aeTitle.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    private static func list(_ ids: [PendingMove.ID]) -> String { ids.map(\.description).joined(separator: ", ") }
}
