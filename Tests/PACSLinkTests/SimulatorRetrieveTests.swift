import DICOMProtocol
import DICOMTransport
import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// Our retrieve SCUs (`MoveSCU` into our Storage SCP, `GetSCU`) against the simulated PACS:
/// the sub-operations are routed to the retrieve that asked for them whether the simulator
/// sets Move Originator AE Title and Message ID or omits them.
@Suite("Simulator against our retrieve", .serialized)
struct SimulatorRetrieveTests {
    static let archive = SyntheticStudies(seed: 5, studies: 2, seriesPerStudy: 2, instancesPerSeries: 3, pixelBytes: 1024)
    static let studyUID = archive.instance(study: 1, series: 0, instance: 0).dataSet(includingPixelData: false).uid(.studyInstanceUID)!
    let group = EventLoopGroup(loopCount: 2, name: "simulator-retrieve-test")

    func files(under path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".dcm") }
    }

    func request(method: RetrieveMethod) -> RetrieveRequest {
        RetrieveRequest(
            serverName: "sim", calledAETitle: "SIMPACS", ourAETitle: "PACSLINK", peerHost: "127.0.0.1", peerAddresses: ["127.0.0.1"],
            studyInstanceUID: Self.studyUID, method: method)
    }

    /// Retrieves the study by C-MOVE from a simulator built with `omitMoveOriginator` and
    /// `misbehaviour` into our Storage SCP on a folder of its own, with `timeout` for every wait.
    func move(
        omitMoveOriginator: Bool = false, misbehaviour: SimulatedPACS.Misbehaviour = .init(), timeout: Duration = .seconds(5)
    ) async throws -> (RetrieveOutcome, TemporaryDirectory) {
        let root = try TemporaryDirectory(prefix: "simulator-move")
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        let coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: .seconds(5)))
        let listener = try StorageListener.make(
            addresses: [.init(host: "127.0.0.1", port: 0)], aeTitle: "PACSLINK", store: store, coordinator: coordinator, group: group)
        let listenPort = try await listener.start()[0].port
        let pacs = try SimulatedPACS(
            .init(
                aeTitle: "SIMPACS", host: "127.0.0.1", database: Self.archive.makeDatabase(),
                destinations: ["PACSLINK": .init(host: "127.0.0.1", port: listenPort)], omitMoveOriginator: omitMoveOriginator,
                misbehaviour: misbehaviour),
            group: group)
        let port = try await pacs.start()
        let target = EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "SIMPACS", timeout: timeout)
        let outcome = try await MoveSCU.retrieve(
            target, request: request(method: .move), listenPort: listenPort, coordinator: coordinator, on: group.next())
        await pacs.stop()
        await listener.stop()
        return (outcome, root)
    }

    /// Retrieves the study by C-GET from a simulator with `misbehaviour`, `timeout` for every wait.
    func get(misbehaviour: SimulatedPACS.Misbehaviour = .init(), timeout: Duration = .seconds(5)) async throws -> (RetrieveOutcome, TemporaryDirectory) {
        let root = try TemporaryDirectory(prefix: "simulator-get")
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        let coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: .seconds(5)))
        let pacs = try SimulatedPACS(
            .init(aeTitle: "SIMPACS", host: "127.0.0.1", database: Self.archive.makeDatabase(), misbehaviour: misbehaviour), group: group)
        let port = try await pacs.start()
        let target = EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "SIMPACS", timeout: timeout)
        let outcome = try await GetSCU.retrieve(target, request: request(method: .get), store: store, coordinator: coordinator, on: group.next())
        await pacs.stop()
        return (outcome, root)
    }

    @Test("PS3.4 C.4.2: MoveSCU retrieves a study from the simulator into RetrievedFiles, with and without Move Originator fields")
    func move() async throws {
        for omit in [false, true] {
            let (outcome, root) = try await move(omitMoveOriginator: omit)
            #expect(outcome.ending == .completed(finalStatus: .success), "omit \(omit)")
            #expect(outcome.move.storedInstances.count == 6, "omit \(omit)")
            #expect(files(under: root.path + "/RetrievedFiles").count == 6, "omit \(omit)")
            #expect(files(under: root.path + "/ReceivedFiles").isEmpty, "omit \(omit)")
        }
    }

    @Test("PS3.4 C.4.3: GetSCU retrieves a study from the simulator on one association")
    func get() async throws {
        let (outcome, root) = try await get()
        #expect(outcome.ending == .completed(finalStatus: .success))
        #expect(files(under: root.path).count == 6)
    }

    /// A PACS that sends no Pending responses and takes longer than the DIMSE timeout for the
    /// whole study: every arriving instance restarts the wait for the final response.
    /// 6 sub-operations 700 ms apart: 4.2 s in all, more than the 3 s DIMSE timeout, which
    /// leaves 2.3 s for each sub-operation itself (a ThreadSanitizer build needed more than 1.5).
    static let silentSlowPACS = SimulatedPACS.Misbehaviour(responseDelay: .milliseconds(700), omitPendingResponses: true)

    @Test("PS3.4 C.4.2.3: a C-MOVE without Pending responses outlasting the DIMSE timeout completes while instances keep arriving")
    func moveWithoutPendingResponses() async throws {
        let (outcome, root) = try await move(misbehaviour: Self.silentSlowPACS, timeout: .seconds(3))
        #expect(outcome.ending == .completed(finalStatus: .success))
        #expect(outcome.move.storedInstances.count == 6)
        #expect(files(under: root.path + "/RetrievedFiles").count == 6)
    }

    @Test("PS3.4 C.4.3.3: a C-GET without Pending responses outlasting the DIMSE timeout completes while its C-STOREs keep coming")
    func getWithoutPendingResponses() async throws {
        let (outcome, root) = try await get(misbehaviour: Self.silentSlowPACS, timeout: .seconds(3))
        #expect(outcome.ending == .completed(finalStatus: .success))
        #expect(files(under: root.path).count == 6)
    }
}
