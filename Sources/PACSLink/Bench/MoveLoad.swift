import DICOMProtocol
import DICOMTransport
import Foundation

/// C-MOVE load (PS3.4 §C.4.2): each operation asks the peer to move one study (Study Root)
/// to our AE title, the calling AE title, whose Storage SCP must listen where the peer sends
/// it (`listener(port:store:group:)` makes it): the same `RetrieveCoordinator` and router as
/// `pacslink retrieve`, which count the sub-operations from the C-MOVE-RSPs and match the
/// instances that arrive. An operation ends when the final response has come and every
/// counted instance is stored; its items are the sub-operations completed (with warning),
/// its bytes those of the files stored. A final status other than Success, a failed
/// sub-operation, or nothing arriving for `inactivityTimeout` (a timeout) is a failure.
public struct MoveLoad: LoadScenario {
    public let name = "move"
    public let itemName: String? = "sub-operations"
    public let associationRequest: AssociationRequest
    /// Routes the stores of the moves: the Storage SCP on our listen port must use it.
    public let coordinator: RetrieveCoordinator
    private let request: RetrieveRequest
    private let received: ReceivedBytes
    private let sopClassUID = QueryModel.studyRoot.moveSOPClass.uid

    /// Moves `studyInstanceUID` from `target` to `target.callingAETitle`; the peer's
    /// sub-associations are expected from `peerAddresses` (when it omits the Move Originator
    /// fields). Throws `EchoFailure` `.invalidValue` when an AE title of `target` is not valid.
    public init(
        _ target: EchoTarget, studyInstanceUID: String, peerAddresses: [String], inactivityTimeout: Duration = .seconds(30)
    ) throws(EchoFailure) {
        var association = try EchoSCU.associationRequest(for: target)
        association.presentationContexts = AssociationRequest.contexts(
            abstractSyntaxes: [sopClassUID], transferSyntaxes: PeerAssociation.uncompressed)
        associationRequest = association
        request = RetrieveRequest(
            serverName: target.calledAETitle, calledAETitle: target.calledAETitle, ourAETitle: target.callingAETitle,
            peerHost: target.host, peerAddresses: peerAddresses, studyInstanceUID: studyInstanceUID)
        let received = ReceivedBytes()
        self.received = received
        coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: inactivityTimeout)) { event in
            if case .stored(let id?, _, let file?, nil) = event { received.add(file, to: id) }
        }
    }

    /// Our Storage SCP, as the calling AE title, on `port`: where the peer must send the
    /// study (start it before the run, stop it after).
    public func listener(port: UInt16, store: InstanceStore, group: EventLoopGroup) throws(ProtocolError) -> MultiplexedAcceptor {
        try StorageListener.make(
            addresses: [.init(port: port)], aeTitle: request.ourAETitle, store: store, coordinator: coordinator, group: group)
    }

    public func perform(on association: isolated Association, messageID: UInt16) async -> LoadOutcome {
        let move: PendingMove
        do {
            move = try coordinator.register(request)
        } catch {
            return .failed(EchoFailure(.other, phase: name, message: error.description))
        }
        let sent = await MoveSCU.exchange(move, request: request, coordinator: coordinator, releasing: false, on: association)
        let final: CMoveRSP
        switch sent {
        case .success(let rsp): final = rsp
        case .failure(let error):
            coordinator.abandon(move.id)
            _ = await coordinator.outcome(of: move.id)
            return LoadOutcome(failure: failure(error), bytes: received.take(move.id))
        }
        coordinator.receive(final)
        let outcome = await coordinator.outcome(of: move.id)
        let counts = outcome.move.subOperations
        var result = LoadOutcome(bytes: received.take(move.id), items: Int(counts.completed ?? 0) + Int(counts.warning ?? 0))
        switch outcome.ending {
        case .timedOut(let missing):
            result.failure = EchoFailure(.timeout, phase: name, message: "nothing arrived for the inactivity timeout: \(missing)")
        case .completed(let status) where !status.isSuccess || (counts.failed ?? 0) > 0:
            result.failure = EchoFailure(
                .badStatus, phase: name,
                message: "\(final.statusDescription); completed \(counts.completed ?? 0), failed \(counts.failed ?? 0), warning \(counts.warning ?? 0)")
        case .completed:
            break
        }
        return result
    }

    private func failure(_ error: QueryRetrieveFailure) -> EchoFailure {
        if let association = error.association { return EchoFailure(association, operation: name) }
        return EchoFailure(error.status == nil ? .other : .badStatus, phase: name, message: error.message)
    }
}

/// Bytes of the files stored for each open move, as the coordinator reports them.
private final class ReceivedBytes: Sendable {
    private let bytes = LockedState<[PendingMove.ID: Int]>([:])

    /// Counts the size of `file`, just written (so in the page cache: no I/O).
    func add(_ file: String, to id: PendingMove.ID) {
        var info = stat()
        guard stat(file, &info) == 0 else { return }
        bytes.withLock { $0[id, default: 0] += Int(info.st_size) }
    }

    /// The bytes stored for move `id`, forgotten.
    func take(_ id: PendingMove.ID) -> Int {
        bytes.withLock { $0.removeValue(forKey: id) ?? 0 }
    }
}
