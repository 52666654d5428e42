import DICOMProtocol
import Testing

@testable import PACSLink

/// PS3.4 §C.4.2 (C-MOVE sub-operations) and PS3.7 §9.1.1.1.7–8 (Move Originator fields): how
/// incoming C-STOREs find their retrieve, and when a retrieve is complete.
@Suite("Retrieve: SubAssociationRouter")
struct RetrieveRouterTests {
    let t0 = ContinuousClock.now

    func request(_ server: String = "PACS-A", ae: String = "PACSA", address: String = "10.0.0.1",
                 study: String = "1.2.3", series: [String] = [], method: RetrieveMethod = .move) -> RetrieveRequest {
        RetrieveRequest(
            serverName: server, calledAETitle: ae, ourAETitle: "PACSLINK", peerHost: server.lowercased(),
            peerAddresses: [address], studyInstanceUID: study, seriesInstanceUIDs: series, method: method)
    }

    func store(_ sop: String, originator: String? = "PACSLINK", messageID: UInt16?, calling: String = "PACSA",
               address: String = "10.0.0.1", after seconds: Int = 1) -> IncomingStore {
        IncomingStore(
            sopInstanceUID: sop, moveOriginatorAETitle: originator, moveOriginatorMessageID: messageID,
            callingAETitle: calling, peerAddress: address, arrivedAt: t0 + .seconds(seconds))
    }

    func response(_ move: PendingMove, _ status: DIMSEStatus, remaining: UInt16? = nil, completed: UInt16, failed: UInt16 = 0, warning: UInt16 = 0) -> CMoveRSP {
        CMoveRSP(messageIDBeingRespondedTo: move.messageID, affectedSOPClassUID: nil, status: status,
                 subOperations: SubOperationCounts(remaining: remaining, completed: completed, failed: failed, warning: warning))
    }

    @Test("PS3.7 9.1.4 Message IDs are unique across open retrieves, never 0, reused only once freed")
    func messageIDs() throws {
        var router = SubAssociationRouter()
        var ids = Set<UInt16>()
        for _ in 0..<1000 { ids.insert(try router.register(request(), at: t0).messageID) }
        #expect(ids.count == 1000)
        #expect(!ids.contains(0))
        var full = SubAssociationRouter()
        for _ in 0..<65535 { _ = try full.register(request(), at: t0) }
        #expect(throws: RetrieveError.messageIDsExhausted) { try full.register(request(), at: t0) }
        let first = try #require(full.retrieve(messageID: 1))
        _ = full.receive(response(first, .success, completed: 0), at: t0)
        #expect(try full.register(request(), at: t0).messageID == 1)
    }

    @Test("PS3.7 9.1.1.1.7-8 stores route by Move Originator AE Title and Message ID")
    func byOriginator() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        let b = try router.register(request(), at: t0)
        #expect(router.route(store("1.1", messageID: b.messageID)) == .retrieve(b.id, rule: .moveOriginator))
        #expect(router.route(store("1.2", originator: "PACSLINK  ", messageID: a.messageID)) == .retrieve(a.id, rule: .moveOriginator))
        #expect(router.openRetrieves[b.id]?.storesInProgress == ["1.1"])
    }

    @Test("PS3.7 9.1.1.1.7-8 originator fields naming no open move make the store unsolicited")
    func originatorUnknown() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        guard case .unsolicited = router.route(store("1.1", originator: "OTHER", messageID: a.messageID)) else {
            Issue.record("another AE's move routed to ours"); return
        }
        guard case .unsolicited = router.route(store("1.1", messageID: a.messageID &+ 7)) else {
            Issue.record("unknown message ID routed"); return
        }
        #expect(router.openRetrieves[a.id]?.storesInProgress.isEmpty == true)
    }

    @Test("Fallback without originator fields: calling AE + peer address + time window")
    func fallback() throws {
        var router = SubAssociationRouter(fallbackWindow: .seconds(30))
        let a = try router.register(request(), at: t0)
        _ = try router.register(request("PACS-B", ae: "PACSB", address: "10.0.0.2"), at: t0)
        #expect(router.route(store("1.1", originator: nil, messageID: nil)) == .retrieve(a.id, rule: .callingAEAddressAndWindow))
        // Only the AE title present (no message ID): still the fallback rule.
        #expect(router.route(store("1.2", messageID: nil, address: "::ffff:10.0.0.1")) == .retrieve(a.id, rule: .callingAEAddressAndWindow))
        // Right AE, wrong address; right address, wrong AE; outside the window.
        for miss in [store("1.3", originator: nil, messageID: nil, address: "10.0.0.9"),
                     store("1.3", originator: nil, messageID: nil, calling: "PACSB"),
                     store("1.3", originator: nil, messageID: nil, after: 31 + 1)] {
            guard case .unsolicited = router.route(miss) else { Issue.record("\(miss) matched"); continue }
        }
    }

    @Test("Fallback that fits two moves is ambiguous; the data set's study resolves it")
    func ambiguous() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(study: "1.2.3"), at: t0)
        let b = try router.register(request(study: "1.2.4", series: ["1.2.4.1"]), at: t0)
        let route = router.route(store("9.1", originator: nil, messageID: nil))
        #expect(route == .ambiguous([a.id, b.id]))
        #expect(router.resolve([a.id, b.id], sopInstanceUID: "9.1", studyInstanceUID: "1.2.4", seriesInstanceUID: "1.2.4.1", at: t0)
            == .retrieve(b.id, rule: .studyInDataSet))
        guard case .unsolicited = router.resolve([a.id, b.id], sopInstanceUID: "9.2", studyInstanceUID: "1.2.4", seriesInstanceUID: "1.2.4.9", at: t0) else {
            Issue.record("a series not asked for was routed"); return
        }
        #expect(router.openRetrieves[b.id]?.storesInProgress == ["9.1"])
        #expect(router.openRetrieves[a.id]?.storesInProgress.isEmpty == true)
    }

    @Test("No open move at all: unsolicited")
    func unsolicited() {
        var router = SubAssociationRouter()
        guard case .unsolicited(let reason) = router.route(store("1.1", originator: nil, messageID: nil)) else {
            Issue.record("routed with nothing open"); return
        }
        #expect(reason.contains("PACSA"))
    }

    @Test("PS3.4 C.4.2 one association carries sub-operations of two moves, interleaved")
    func twoMovesOneAssociation() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        let b = try router.register(request(study: "1.2.9"), at: t0)
        // Same Calling AE and peer address (one association), per-store originator IDs.
        for i in 0..<6 {
            let move = i.isMultiple(of: 2) ? a : b
            #expect(router.route(store("7.\(i)", messageID: move.messageID)).retrieveID == move.id)
            #expect(router.finishStore("7.\(i)", for: move.id, status: .success, at: t0 + .seconds(2)) == nil)
        }
        let doneAOutcome = router.receive(response(a, .success, completed: 3), at: t0 + .seconds(3))
        let doneA = try #require(doneAOutcome)
        #expect(doneA.move.storedInstances == ["7.0", "7.2", "7.4"])
        #expect(doneA.ending == .completed(finalStatus: .success))
        let doneBOutcome = router.receive(response(b, .success, completed: 3), at: t0 + .seconds(3))
        let doneB = try #require(doneBOutcome)
        #expect(doneB.move.storedInstances == ["7.1", "7.3", "7.5"])
        #expect(router.openRetrieves.isEmpty)
    }

    @Test("PS3.4 C.4.2 one move over several associations (different ports and without originator fields)")
    func oneMoveSeveralAssociations() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        // Association 1 sends the originator fields, association 2 (another connection from
        // the same PACS) omits them; both reach the same move.
        #expect(router.route(store("5.1", messageID: a.messageID)).retrieveID == a.id)
        #expect(router.route(store("5.2", originator: nil, messageID: nil)).retrieveID == a.id)
        _ = router.finishStore("5.1", for: a.id, status: .success, at: t0 + .seconds(2))
        #expect(router.receive(response(a, .success, completed: 2), at: t0 + .seconds(3)) == nil,
                "complete before the second file is stored")
        let doneOutcome = router.finishStore("5.2", for: a.id, status: .success, at: t0 + .seconds(4))
        let done = try #require(doneOutcome)
        #expect(Set(done.move.storedInstances) == ["5.1", "5.2"])
    }

    @Test("PS3.4 C.4.2.1.5 completion needs the final response AND Completed + Warning stores")
    func completion() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        for sop in ["1", "2", "3"] { _ = router.route(store(sop, messageID: a.messageID)) }
        #expect(router.receive(response(a, .pending, remaining: 1, completed: 2), at: t0) == nil)
        #expect(router.finishStore("1", for: a.id, status: .success, at: t0) == nil)
        #expect(router.finishStore("2", for: a.id, status: .success, at: t0) == nil)
        #expect(router.finishStore("3", for: a.id, status: .outOfResources, at: t0) == nil)
        #expect(router.openRetrieves[a.id]?.failedStores == ["3": .outOfResources])
        // Final: 1 completed, 1 warning, 1 failed; both counted ones are on disk.
        let doneOutcome = router.receive(response(a, .warningB000, remaining: 0, completed: 1, failed: 1, warning: 1), at: t0)
        let done = try #require(doneOutcome)
        #expect(done.ending == .completed(finalStatus: .warningB000))
        #expect(done.move.subOperations.failed == 1)
    }

    @Test("PS3.4 C.4.2.1.5 a final failure with no sub-operations completes at once (0xA801)")
    func failedMove() throws {
        var router = SubAssociationRouter()
        let a = try router.register(request(), at: t0)
        let doneOutcome = router.receive(CMoveRSP(messageIDBeingRespondedTo: a.messageID, affectedSOPClassUID: nil, status: .moveDestinationUnknown), at: t0)
        let done = try #require(doneOutcome)
        #expect(done.ending == .completed(finalStatus: .moveDestinationUnknown))
    }

    @Test("Inactivity timeout closes the move and says what is missing")
    func timeout() throws {
        var router = SubAssociationRouter(inactivityTimeout: .seconds(60))
        let a = try router.register(request(), at: t0)
        let b = try router.register(request(study: "1.2.5"), at: t0)
        _ = router.route(store("1", messageID: a.messageID, after: 10))
        _ = router.receive(response(a, .success, completed: 3), at: t0 + .seconds(20))
        _ = router.finishStore("1", for: a.id, status: .success, at: t0 + .seconds(20))
        _ = router.receive(response(b, .pending, remaining: 4, completed: 1), at: t0 + .seconds(5))
        #expect(router.nextExpiry == t0 + .seconds(65))
        #expect(router.expire(at: t0 + .seconds(64)).isEmpty)
        let first = router.expire(at: t0 + .seconds(65))
        #expect(first.map(\.move.id) == [b.id])
        #expect(first.first?.ending == .timedOut(missing: "no final C-MOVE-RSP, 4 sub-operations remaining at the last response"))
        let second = router.expire(at: t0 + .seconds(80))
        #expect(second.first?.ending == .timedOut(missing: "2 of 3 counted instances not stored"))
        #expect(router.openRetrieves.isEmpty && router.retrieve(messageID: a.messageID) == nil)
    }

    @Test("PS3.4 C.4.3 C-GET: stores on the same association share tracking and completion")
    func cGet() throws {
        var router = SubAssociationRouter()
        let g = try router.register(request(method: .get), at: t0)
        #expect(try router.beginStore("4.1", for: g.id, at: t0) == .retrieve(g.id, rule: .sameAssociation))
        // A C-GET's Message ID is never matched by a sub-association's originator fields.
        guard case .unsolicited = router.route(store("4.2", messageID: g.messageID)) else {
            Issue.record("C-GET matched a C-MOVE rule"); return
        }
        _ = router.finishStore("4.1", for: g.id, status: .success, at: t0)
        let doneOutcome = router.receive(CGetRSP(messageIDBeingRespondedTo: g.messageID, affectedSOPClassUID: nil, status: .success, subOperations: SubOperationCounts(remaining: 0, completed: 1)), at: t0)
        let done = try #require(doneOutcome)
        #expect(done.move.storedInstances == ["4.1"])
        #expect(throws: RetrieveError.unknownRetrieve(g.id)) { try router.beginStore("4.3", for: g.id, at: t0) }
    }
}
