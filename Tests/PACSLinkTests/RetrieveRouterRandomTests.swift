import DICOMProtocol
import Testing

@testable import PACSLink

@Suite("Retrieve: SubAssociationRouter under random interleavings")
struct RetrieveRouterRandomTests {
    private enum Event {
        case store(move: Int, sop: String, withOriginator: Bool)
        case finalResponse(move: Int)
    }

    @Test("PS3.4 C.4.2 many moves from three PACS, stores shuffled, some without originator fields: every instance reaches its own move, each move completes once", arguments: 0..<20)
    func shuffled(_ round: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let t0 = ContinuousClock.now
        var router = SubAssociationRouter()
        let peers = [("PACSA", "10.0.0.1"), ("PACSB", "10.0.0.2"), ("PACSC", "fe80::1")]
        var moves: [PendingMove] = []
        var expected: [Set<String>] = []
        var events: [Event] = []
        for m in 0..<20 {
            let (ae, address) = peers[m % peers.count]
            let study = "1.2.\(round).\(m)"
            moves.append(try router.register(
                RetrieveRequest(serverName: ae, calledAETitle: ae, ourAETitle: "PACSLINK", peerHost: ae,
                                peerAddresses: [address], studyInstanceUID: study), at: t0))
            let sops = (0..<Int.random(in: 0...30, using: &generator)).map { "\(study).\($0)" }
            expected.append(Set(sops))
            events += sops.map { .store(move: m, sop: $0, withOriginator: Int.random(in: 0..<10, using: &generator) < 7) }
        }
        events.shuffle(using: &generator)
        // Each final response goes somewhere after its move's first store (or anywhere, if none).
        for m in moves.indices {
            let first = events.firstIndex { if case .store(m, _, _) = $0 { true } else { false } } ?? 0
            events.insert(.finalResponse(move: m), at: Int.random(in: first...events.count, using: &generator))
        }
        var completed: [Int: RetrieveOutcome] = [:]
        var storedSoFar = [Int](repeating: 0, count: moves.count)
        for (step, event) in events.enumerated() {
            let now = t0 + .milliseconds(step)
            switch event {
            case .store(let m, let sop, let withOriginator):
                let (ae, address) = peers[m % peers.count]
                var route = router.route(IncomingStore(
                    sopInstanceUID: sop, moveOriginatorAETitle: withOriginator ? "PACSLINK" : nil,
                    moveOriginatorMessageID: withOriginator ? moves[m].messageID : nil,
                    callingAETitle: ae, peerAddress: address, arrivedAt: now))
                if case .ambiguous(let candidates) = route {
                    route = router.resolve(candidates, sopInstanceUID: sop, studyInstanceUID: moves[m].request.studyInstanceUID,
                                           seriesInstanceUID: "9.9", at: now)
                }
                try #require(route.retrieveID == moves[m].id, "\(sop) routed \(route)")
                storedSoFar[m] += 1
                if let done = router.finishStore(sop, for: moves[m].id, status: .success, at: now) {
                    #expect(completed.updateValue(done, forKey: m) == nil)
                }
            case .finalResponse(let m):
                // The PACS counts every sub-operation it will have sent by the end.
                let counts = SubOperationCounts(remaining: 0, completed: UInt16(expected[m].count))
                if let done = router.receive(CMoveRSP(messageIDBeingRespondedTo: moves[m].messageID, affectedSOPClassUID: nil,
                                                      status: .success, subOperations: counts), at: now) {
                    #expect(storedSoFar[m] == expected[m].count)
                    #expect(completed.updateValue(done, forKey: m) == nil)
                }
            }
        }
        #expect(completed.count == moves.count)
        for (m, outcome) in completed {
            #expect(Set(outcome.move.storedInstances) == expected[m])
        }
        #expect(router.openRetrieves.isEmpty)
    }
}
