import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import TestSupport
import Testing

/// The store, find and move load scenarios against the simulated PACS on loopback: operation,
/// item and byte counts, and how failures are classified. Speed is not asserted.
@Suite("Bench: store, find and move loads against the simulator (PS3.4 Annex B, C.4.1, C.4.2)", .serialized)
struct BenchScenarioTests {
    static let archive = SyntheticStudies(seed: 9, studies: 2, seriesPerStudy: 1, instancesPerSeries: 3, pixelBytes: 2048)
    static let studyUID = archive.instance(study: 0, series: 0, instance: 0).dataSet(includingPixelData: false).string(.studyInstanceUID)!
    let group = EventLoopGroup(loopCount: 2, name: "bench-scenario-test")

    /// Runs `body` with a simulator (the synthetic archive, C-MOVE destinations `destinations`)
    /// listening on a free loopback port.
    private func withSimulator(
        destinations: [String: SimulatedPACS.MoveDestination] = [:], misbehaviour: SimulatedPACS.Misbehaviour = .init(),
        _ body: (SimulatedPACS, EchoTarget) async throws -> Void
    ) async throws {
        let pacs = try SimulatedPACS(
            .init(aeTitle: "SIMPACS", host: "127.0.0.1", database: Self.archive.makeDatabase(), destinations: destinations,
                  misbehaviour: misbehaviour),
            group: group)
        let port = try await pacs.start()
        let target = EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "SIMPACS", callingAETitle: "BENCH", timeout: .seconds(30))
        try await body(pacs, target)
        await pacs.stop()
    }

    private func instances(in pacs: SimulatedPACS) -> Int { pacs.archive.snapshot.studySummaries.reduce(0) { $0 + $1.instances } }

    @Test("PS3.4 B.2 store churn: N C-STOREs, N associations, N new instances of the encoded size, each with its own SOP Instance UID")
    func store() async throws {
        try await withSimulator { pacs, target in
            let load = try StoreLoad(target, size: 4096)
            let report = await LoadGenerator.run(load, LoadConfiguration(concurrency: 3, stop: .count(25)), group: group)
            #expect(report.succeeded == 25 && report.failures.isEmpty && report.associations == 25)
            #expect(report.bytes == 25 * load.dataSetLength && load.dataSetLength > 4096)
            #expect(report.megabytesPerSecond > 0)
            #expect(instances(in: pacs) == 6 + 25)
            let stored = try #require(pacs.archive.snapshot.studySummaries.first { $0.studyInstanceUID != Self.studyUID && $0.instances != 3 })
            #expect(stored.instances == 25, "every C-STORE carried a SOP Instance UID of its own")
        }
    }

    @Test("PS3.4 B.2 store --reuse: the operations share one association per worker")
    func storeReuse() async throws {
        try await withSimulator { pacs, target in
            let report = await LoadGenerator.run(
                try StoreLoad(target, size: 0), LoadConfiguration(concurrency: 2, stop: .count(10), reusesAssociations: true), group: group)
            #expect(report.succeeded == 10 && report.associations == 2)
            #expect(instances(in: pacs) == 6 + 10)
        }
    }

    @Test("PS3.8 9.3.4 store to a simulator that rejects: every operation rejected in associate, nothing stored")
    func storeRejected() async throws {
        try await withSimulator(misbehaviour: .init(rejectAssociations: true)) { pacs, target in
            let report = await LoadGenerator.run(try StoreLoad(target, size: 16), LoadConfiguration(concurrency: 2, stop: .count(4)), group: group)
            #expect(report.succeeded == 0 && report.bytes == 0)
            #expect(report.failures.map(\.key) == [LoadReport.FailureKey(failureClass: .rejected, phase: "associate")])
            #expect(report.failed == 4)
            #expect(instances(in: pacs) == 6)
        }
    }

    @Test("PS3.4 C.4.1 study-level find: every study matches once per operation")
    func find() async throws {
        try await withSimulator { _, target in
            let report = await LoadGenerator.run(
                try FindLoad(target), LoadConfiguration(concurrency: 2, stop: .count(8), reusesAssociations: true), group: group)
            #expect(report.succeeded == 8 && report.failures.isEmpty)
            #expect(report.itemName == "matches" && report.items == 8 * 2)
            #expect(report.bytes > 0)
        }
    }

    @Test("PS3.8 7.3 find against a simulator aborting every second request: half aborted in find, the others succeed on new associations")
    func findAborted() async throws {
        try await withSimulator(misbehaviour: .init(abortAfterOperations: 1)) { _, target in
            let report = await LoadGenerator.run(
                try FindLoad(target), LoadConfiguration(concurrency: 1, stop: .count(6), reusesAssociations: true), group: group)
            #expect(report.succeeded == 3)
            #expect(report.associations == 3)
            #expect(report.failures.map(\.key) == [LoadReport.FailureKey(failureClass: .aborted, phase: "find")])
            #expect(report.failed == 3)
        }
    }

    @Test("PS3.4 C.4.2 move: each C-MOVE's sub-operations arrive at our Storage SCP, counted with their bytes, with and without Move Originator fields")
    func move() async throws {
        for omit in [false, true] {
            let root = try TemporaryDirectory(prefix: "bench-move")
            let listenPort = FreePort.next()
            let pacs = try SimulatedPACS(
                .init(aeTitle: "SIMPACS", host: "127.0.0.1", database: Self.archive.makeDatabase(),
                      destinations: ["BENCH": .init(host: "127.0.0.1", port: listenPort)], omitMoveOriginator: omit),
                group: group)
            let port = try await pacs.start()
            let target = EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "SIMPACS", callingAETitle: "BENCH", timeout: .seconds(30))
            let load = try MoveLoad(target, studyInstanceUID: Self.studyUID, peerAddresses: ["127.0.0.1"])
            let listener = try load.listener(
                port: listenPort, store: InstanceStore(layout: StorageLayout(root: root.url), flush: .none), group: group)
            _ = try await listener.start()
            // Without the Move Originator fields two moves of one study at once cannot be told apart.
            let report = await LoadGenerator.run(load, LoadConfiguration(concurrency: omit ? 1 : 2, stop: .count(4)), group: group)
            await listener.stop()
            await pacs.stop()
            #expect(report.succeeded == 4 && report.failures.isEmpty && report.associations == 4, "omit \(omit): \(report.failures)")
            #expect(report.itemName == "sub-operations" && report.items == 4 * 3, "omit \(omit)")
            let files = FileManager.default.enumerator(atPath: root.path + "/RetrievedFiles")?.allObjects.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".dcm") } ?? []
            #expect(files.count == 3, "omit \(omit): the study's files, written again by each move")
            let sizes = try files.map { try #require(FileManager.default.attributesOfItem(atPath: root.path + "/RetrievedFiles/" + $0)[.size] as? Int) }
            #expect(report.bytes == 4 * sizes.reduce(0, +), "omit \(omit)")
        }
    }

    @Test("PS3.4 C.4.2.1.5 move to a destination the simulator does not know: bad status 0xA801 in move, no sub-operations")
    func moveUnknownDestination() async throws {
        try await withSimulator { _, target in
            let report = await LoadGenerator.run(
                try MoveLoad(target, studyInstanceUID: Self.studyUID, peerAddresses: ["127.0.0.1"]),
                LoadConfiguration(concurrency: 1, stop: .count(2)), group: group)
            #expect(report.succeeded == 0 && report.items == 0 && report.bytes == 0)
            #expect(report.failures.map(\.key) == [LoadReport.FailureKey(failureClass: .badStatus, phase: "move")])
            #expect(report.failed == 2)
            #expect(report.failures.first?.example.contains("A801") == true, "\(report.failures)")
        }
    }
}
