import DICOMProtocol
import Foundation
import TestSupport
import Testing

@testable import PACSLink

/// The path every sub-operation C-STORE takes once the association layer wires it: route the
/// request, store the data set where the route says, report the outcome back to the router.
@Suite("Retrieve: routing and storage together")
struct RetrieveStorageFlowTests {
    @Test("PS3.4 C.4.2 two moves over one association plus an unsolicited store: each move reports exactly its files")
    func twoMovesAndUnsolicited() throws {
        let root = try TemporaryDirectory()
        let store = InstanceStore(layout: StorageLayout(root: root.url), flush: .none)
        let t0 = ContinuousClock.now
        var router = SubAssociationRouter()
        func request(_ study: String) -> RetrieveRequest {
            RetrieveRequest(serverName: "PACS", calledAETitle: "PACSA", ourAETitle: "PACSLINK", peerHost: "pacs",
                            peerAddresses: ["127.0.0.1"], studyInstanceUID: study)
        }
        let a = try router.register(request("1.2.826.0.1.3680043.2.1"), at: t0)
        let b = try router.register(request("1.2.826.0.1.3680043.2.2"), at: t0)
        var outcomes: [RetrieveOutcome] = []
        let sends: [(study: String, originatorMessageID: UInt16?, instance: Int)] = [
            ("1.2.826.0.1.3680043.2.1", a.messageID, 1), ("1.2.826.0.1.3680043.2.2", b.messageID, 2),
            ("1.2.826.0.1.3680043.2.1", a.messageID, 3), ("1.2.826.0.1.3680043.2.9", 999, 4),
        ]
        for send in sends {
            let sample = SampleInstance(sopInstanceUID: "\(send.study).\(send.instance)", studyInstanceUID: send.study,
                                        seriesInstanceUID: send.study + ".1", pixelBytes: 256)
            let request = CStoreRQ(messageID: UInt16(send.instance), affectedSOPClassUID: sample.sopClassUID,
                                   affectedSOPInstanceUID: sample.sopInstanceUID, moveOriginatorAETitle: "PACSLINK",
                                   moveOriginatorMessageID: send.originatorMessageID)
            let route = router.route(IncomingStore(request, callingAETitle: "PACSA", peerAddress: "127.0.0.1", arrivedAt: t0))
            let incoming = IncomingInstance(request, transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid,
                                            callingAETitle: "PACSA", disposition: route.disposition)
            let result = store.store(incoming, try sample.encoded())
            let status = (try? result.get()) != nil ? DIMSEStatus.success : .outOfResources
            if let id = route.retrieveID, let done = router.finishStore(sample.sopInstanceUID, for: id, status: status, at: t0) {
                outcomes.append(done)
            }
        }
        for move in [a, b] {
            let completed = UInt16(router.openRetrieves[move.id]?.storedInstances.count ?? 0)
            if let done = router.receive(CMoveRSP(messageIDBeingRespondedTo: move.messageID, affectedSOPClassUID: nil, status: .success,
                                                  subOperations: SubOperationCounts(remaining: 0, completed: completed)), at: t0) {
                outcomes.append(done)
            }
        }
        #expect(outcomes.map(\.move.id) == [a.id, b.id])
        #expect(outcomes[0].move.storedInstances == ["1.2.826.0.1.3680043.2.1.1", "1.2.826.0.1.3680043.2.1.3"])
        #expect(outcomes[1].move.storedInstances == ["1.2.826.0.1.3680043.2.2.2"])
        #expect(files(under: root.url) == [
            "ReceivedFiles/1.2.826.0.1.3680043.2.9/1.2.826.0.1.3680043.2.9.1/1.2.826.0.1.3680043.2.9.4.dcm",
            "RetrievedFiles/1.2.826.0.1.3680043.2.1/1.2.826.0.1.3680043.2.1.1/1.2.826.0.1.3680043.2.1.1.dcm",
            "RetrievedFiles/1.2.826.0.1.3680043.2.1/1.2.826.0.1.3680043.2.1.1/1.2.826.0.1.3680043.2.1.3.dcm",
            "RetrievedFiles/1.2.826.0.1.3680043.2.2/1.2.826.0.1.3680043.2.2.1/1.2.826.0.1.3680043.2.2.2.dcm",
        ])
    }
}
