import DICOMProtocol
import DICOMTransport
import Foundation
@testable import PACSLink
import Testing

/// `RetrieveCoordinator` (shared router, outcomes, stores in flight) and the Storage SCP's
/// negotiation policy, without sockets.
@Suite("Retrieve coordinator and storage SCP policy")
struct RetrieveCoordinatorTests {
    static func request(study: String, called: String = "PACS") -> RetrieveRequest {
        RetrieveRequest(
            serverName: called, calledAETitle: called, ourAETitle: "PACSLINK", peerHost: "10.0.0.1", peerAddresses: ["10.0.0.1"],
            studyInstanceUID: study)
    }

    static func stored(_ sop: String, study: String) -> StoredInstance {
        StoredInstance(file: "/x/\(sop).dcm", sopClassUID: "1.2", sopInstanceUID: sop, studyInstanceUID: study, seriesInstanceUID: "9", size: 10)
    }

    @Test("PS3.4 C.4.2 a move completes once the final response has come and its counted instance is stored; stores in flight are counted")
    func completion() async throws {
        let coordinator = RetrieveCoordinator()
        let move = try coordinator.register(Self.request(study: "1.1"))
        let route = coordinator.route(IncomingStore(
            sopInstanceUID: "1.1.1", moveOriginatorAETitle: "PACSLINK", moveOriginatorMessageID: move.messageID,
            callingAETitle: "PACS", peerAddress: "10.0.0.1", arrivedAt: .now))
        #expect(route.retrieveID == move.id)
        #expect(coordinator.storesInFlight == 1)
        coordinator.receive(CMoveRSP(
            messageIDBeingRespondedTo: move.messageID, affectedSOPClassUID: nil, status: .success,
            subOperations: SubOperationCounts(completed: 1)))
        coordinator.finishStore(route, sopInstanceUID: "1.1.1", result: .success(Self.stored("1.1.1", study: "1.1")))
        #expect(coordinator.storesInFlight == 0)
        let outcome = await coordinator.outcome(of: move.id)
        #expect(outcome.ending == .completed(finalStatus: .success))
        #expect(outcome.move.storedInstances == ["1.1.1"])
    }

    @Test("PS3.7 9.1.1.1.7 a store without Move Originator fields fitting two moves is resolved by the stored study")
    func ambiguousResolvedByStudy() async throws {
        let coordinator = RetrieveCoordinator()
        let first = try coordinator.register(Self.request(study: "1.1"))
        let second = try coordinator.register(Self.request(study: "2.2"))
        let route = coordinator.route(IncomingStore(
            sopInstanceUID: "2.2.1", moveOriginatorAETitle: nil, moveOriginatorMessageID: nil, callingAETitle: "PACS",
            peerAddress: "10.0.0.1", arrivedAt: .now))
        #expect(route == .ambiguous([first.id, second.id]))
        coordinator.receive(CMoveRSP(
            messageIDBeingRespondedTo: second.messageID, affectedSOPClassUID: nil, status: .success,
            subOperations: SubOperationCounts(completed: 1)))
        coordinator.finishStore(route, sopInstanceUID: "2.2.1", result: .success(Self.stored("2.2.1", study: "2.2")))
        let outcome = await coordinator.outcome(of: second.id)
        #expect(outcome.move.storedInstances == ["2.2.1"])
        coordinator.abandon(first.id)
        let abandoned = await coordinator.outcome(of: first.id)
        #expect(abandoned.move.storedInstances.isEmpty)
    }

    @Test("a failed store is reported as failed and does not count as stored")
    func failedStore() async throws {
        let coordinator = RetrieveCoordinator()
        let move = try coordinator.register(Self.request(study: "1.1"))
        let route = coordinator.beginStore("1.1.1", for: move.id)
        coordinator.finishStore(route, sopInstanceUID: "1.1.1", result: .failure(StorageError(.outOfResources, "full")))
        coordinator.receive(CGetRSP(
            messageIDBeingRespondedTo: move.messageID, affectedSOPClassUID: nil, status: DIMSEStatus(code: 0xB000),
            subOperations: SubOperationCounts(completed: 0, failed: 1)))
        let outcome = await coordinator.outcome(of: move.id)
        #expect(outcome.move.failedStores["1.1.1"] == .outOfResources)
        #expect(outcome.move.storedInstances.isEmpty)
    }

    @Test("PS3.8 9.3.3.2 the server's preferred transfer syntax is accepted when proposed, else explicit then implicit LE")
    func preferredTransferSyntax() {
        let jpeg = "1.2.840.10008.1.2.4.70"
        let policy = StorageSCP.policy(preferring: jpeg).presentationContexts
        let ct = "1.2.840.10008.5.1.4.1.1.2"
        let all = [TransferSyntax.implicitVRLittleEndian.uid, TransferSyntax.explicitVRLittleEndian.uid, jpeg]
        #expect(policy.answer(PresentationContextRQ(id: 1, abstractSyntax: ct, transferSyntaxes: all)).transferSyntax == jpeg)
        let uncompressed = Array(all.prefix(2))
        #expect(policy.answer(PresentationContextRQ(id: 1, abstractSyntax: ct, transferSyntaxes: uncompressed)).transferSyntax
            == TransferSyntax.explicitVRLittleEndian.uid)
        #expect(StorageSCP.policy().presentationContexts.answer(
            PresentationContextRQ(id: 1, abstractSyntax: ct, transferSyntaxes: all)).transferSyntax == TransferSyntax.explicitVRLittleEndian.uid)
        #expect(policy.answer(PresentationContextRQ(
            id: 1, abstractSyntax: ct, transferSyntaxes: [TransferSyntax.deflatedExplicitVRLittleEndian.uid])).result == .transferSyntaxesNotSupported)
        let deflate = TransferSyntax.deflatedExplicitVRLittleEndian.uid
        #expect(StorageSCP.policy(preferring: deflate).presentationContexts.answer(
            PresentationContextRQ(id: 1, abstractSyntax: ct, transferSyntaxes: [deflate])).result == .transferSyntaxesNotSupported)
    }
}
