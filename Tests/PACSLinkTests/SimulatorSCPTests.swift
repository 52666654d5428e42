import DICOMProtocol
import DICOMTransport
import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// The simulated PACS against our own requestor, in process: two simulators move to each
/// other, store, and misbehave as configured.
@Suite("Simulated PACS SCP", .serialized)
struct SimulatorSCPTests {
    static let archive = SyntheticStudies(studies: 2, seriesPerStudy: 2, instancesPerSeries: 3, pixelBytes: 2048)
    static let studyUID = archive.instance(study: 0, series: 0, instance: 0).dataSet(includingPixelData: false).uid(.studyInstanceUID)!
    let group = EventLoopGroup(loopCount: 1, name: "simulator-scp-test")

    /// Timeouts only catch a hang: generous, so that a loaded machine (CI runs tests in parallel) is not mistaken for one.
    func start(_ configuration: SimulatedPACS.Configuration) async throws -> (SimulatedPACS, UInt16) {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.timeouts = .uniform(.seconds(30))
        let pacs = try SimulatedPACS(configuration, group: group)
        return (pacs, try await pacs.start())
    }

    func associate(_ port: UInt16, called: String, _ abstractSyntaxes: [String]) async throws(AssociationError) -> Association {
        try await Association.request(
            AssociationRequest(
                host: "127.0.0.1", port: port, calledAETitle: AETitle(called), callingAETitle: AETitle("TESTER"),
                presentationContexts: AssociationRequest.contexts(
                    abstractSyntaxes: abstractSyntaxes, transferSyntaxes: [TransferSyntax.implicitVRLittleEndian.uid]),
                timeouts: .uniform(.seconds(30))),
            on: group.next())
    }

    func studyIdentifier(_ uid: String) throws -> [UInt8] {
        var identifier = DataSet()
        try identifier.setString("STUDY", for: .queryRetrieveLevel)
        identifier.setUID(uid, for: .studyInstanceUID)
        return try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(identifier)
    }

    /// Simulator A moves a study of 6 instances to simulator B (its Storage SCP, in memory).
    func move(omitMoveOriginator: Bool = false, misbehaviour: SimulatedPACS.Misbehaviour = .init()) async throws
        -> (response: CMoveRSP, destination: SimulatedPACS, source: SimulatedPACS)
    {
        let (destination, destinationPort) = try await start(.init(aeTitle: "DEST"))
        let (source, port) = try await start(.init(
            aeTitle: "SOURCE", database: Self.archive.makeDatabase(),
            destinations: ["DEST": .init(host: "127.0.0.1", port: destinationPort)], omitMoveOriginator: omitMoveOriginator,
            misbehaviour: misbehaviour))
        let association = try await associate(port, called: "SOURCE", [SOPClass.studyRootMove.uid])
        let response = try await association.send(
            CMoveRQ(messageID: 3, affectedSOPClassUID: SOPClass.studyRootMove.uid, moveDestination: "DEST"),
            abstractSyntax: SOPClass.studyRootMove.uid, dataSet: try studyIdentifier(Self.studyUID))
        try await association.release()
        guard case .cMoveRSP(let move) = response else { throw Failure("not a C-MOVE-RSP: \(response)") }
        return (move, destination, source)
    }

    @Test("PS3.4 C.4.2: a C-MOVE between two simulators in one process stores every instance at the destination")
    func moveBetweenSimulators() async throws {
        for omit in [false, true] {
            let (response, destination, source) = try await move(omitMoveOriginator: omit)
            #expect(response.status == .success)
            #expect(response.subOperations == SubOperationCounts(completed: 6, failed: 0, warning: 0))
            #expect(destination.archive.snapshot.instances(studyInstanceUID: Self.studyUID).count == 6)
            await source.stop()
            await destination.stop()
        }
    }

    @Test("PS3.4 C.4.2: a 1 MB synthetic instance streams in many chunks and arrives byte for byte")
    func largeInstance() async throws {
        let large = SyntheticStudies(seed: 9, studies: 1, seriesPerStudy: 1, instancesPerSeries: 1, pixelBytes: 1 << 20)
        let instance = large.instance(study: 0, series: 0, instance: 0)
        let study = try #require(instance.dataSet(includingPixelData: false).uid(.studyInstanceUID))
        let sopInstance = try #require(instance.dataSet(includingPixelData: false).uid(.sopInstanceUID))
        let (destination, destinationPort) = try await start(.init(aeTitle: "DEST"))
        let (source, port) = try await start(.init(
            aeTitle: "SOURCE", database: large.makeDatabase(), destinations: ["DEST": .init(host: "127.0.0.1", port: destinationPort)]))
        let association = try await associate(port, called: "SOURCE", [SOPClass.studyRootMove.uid])
        let response = try await association.send(
            CMoveRQ(messageID: 1, affectedSOPClassUID: SOPClass.studyRootMove.uid, moveDestination: "DEST"),
            abstractSyntax: SOPClass.studyRootMove.uid, dataSet: try studyIdentifier(study))
        try await association.release()
        guard case .cMoveRSP(let move) = response else { throw Failure("not a C-MOVE-RSP: \(response)") }
        #expect(move.status == .success && move.subOperations.completed == 1)
        guard case .memory(let bytes, let syntax)? = destination.archive.snapshot.instance(sopInstanceUID: sopInstance)?.source else {
            throw Failure("not stored")
        }
        #expect(bytes == (try instance.encoded(in: TransferSyntax(uid: syntax))))
        await source.stop()
        await destination.stop()
    }

    @Test("PS3.4 C.4.2.3.1: never releasing the sub-association keeps it open at the destination")
    func neverRelease() async throws {
        let (response, destination, source) = try await move(misbehaviour: .init(neverReleaseSubAssociations: true))
        #expect(response.status == .success)
        #expect(source.heldSubAssociations == 1)
        #expect(destination.activeAssociations == 1)
        await source.stop()
        try await Task.sleep(for: .milliseconds(200))
        #expect(destination.activeAssociations == 0)
        await destination.stop()
    }

    @Test("PS3.4 C.4.2.1.5: a destination that does not answer fails every sub-operation (0xA702)")
    func unreachableDestination() async throws {
        let (source, port) = try await start(.init(
            aeTitle: "SOURCE", database: Self.archive.makeDatabase(),
            destinations: ["DEST": .init(host: "127.0.0.1", port: FreePort.next())]))
        defer { Task { await source.stop() } }
        let association = try await associate(port, called: "SOURCE", [SOPClass.studyRootMove.uid])
        let response = try await association.send(
            CMoveRQ(messageID: 3, affectedSOPClassUID: SOPClass.studyRootMove.uid, moveDestination: "DEST"),
            abstractSyntax: SOPClass.studyRootMove.uid, dataSet: try studyIdentifier(Self.studyUID))
        try await association.release()
        guard case .cMoveRSP(let move) = response else { throw Failure("not a C-MOVE-RSP: \(response)") }
        #expect(move.status == .outOfResourcesSubOperations)
        #expect(move.subOperations.failed == 6 && move.subOperations.completed == 0)
    }

    @Test("PS3.4 Annex B: C-STORE into a folder writes a Part 10 file and indexes it")
    func storeToFolder() async throws {
        let folder = try TemporaryDirectory(prefix: "simulator-store")
        let (pacs, port) = try await start(.init(aeTitle: "STORE", storage: .folder(folder.path)))
        defer { Task { await pacs.stop() } }
        let instance = Self.archive.instance(study: 1, series: 0, instance: 0)
        let attributes = instance.dataSet(includingPixelData: false)
        let sopClass = try #require(attributes.uid(.sopClassUID)), sopInstance = try #require(attributes.uid(.sopInstanceUID))
        let association = try await associate(port, called: "STORE", [sopClass])
        let response = try await association.send(
            CStoreRQ(messageID: 1, affectedSOPClassUID: sopClass, affectedSOPInstanceUID: sopInstance),
            abstractSyntax: sopClass, dataSet: try instance.encoded(in: .implicitVRLittleEndian))
        try await association.release()
        guard case .cStoreRSP(let store) = response else { throw Failure("not a C-STORE-RSP: \(response)") }
        #expect(store.status == .success)
        guard case .file(let path, _)? = pacs.archive.snapshot.instance(sopInstanceUID: sopInstance)?.source else {
            throw Failure("not stored as a file")
        }
        #expect(path.hasPrefix(folder.url.resolvingSymlinksInPath().path) || path.hasPrefix(folder.path))
        #expect(try DICOMFile(path: path).readDataSet().uid(.sopInstanceUID) == sopInstance)
    }

    @Test("PS3.8 9.3.4: a simulator set to reject refuses associations (permanent, no reason)")
    func reject() async throws {
        let (pacs, port) = try await start(.init(aeTitle: "NO", misbehaviour: .init(rejectAssociations: true)))
        defer { Task { await pacs.stop() } }
        do {
            _ = try await associate(port, called: "NO", [SOPClass.verification.uid])
            Issue.record("associated")
        } catch {
            guard case .rejected(let rj) = error.kind else { throw Failure("not rejected: \(error)") }
            #expect(rj.result == .rejectedPermanent)
        }
    }

    @Test("PS3.8 7.3: abort after N operations answers N requests, then aborts")
    func abortAfter() async throws {
        let (pacs, port) = try await start(.init(aeTitle: "FLAKY", misbehaviour: .init(abortAfterOperations: 2)))
        defer { Task { await pacs.stop() } }
        let association = try await associate(port, called: "FLAKY", [SOPClass.verification.uid])
        var statuses: [Bool] = []
        for id in 1...3 as ClosedRange<UInt16> {
            let response = try? await association.send(
                CEchoRQ(messageID: id, affectedSOPClassUID: SOPClass.verification.uid), abstractSyntax: SOPClass.verification.uid)
            statuses.append(response != nil)
        }
        #expect(statuses == [true, true, false])
        guard case .aborted? = await association.failure?.kind else { throw Failure("not aborted: \(String(describing: await association.failure))") }
    }

    @Test("PS3.4 C.4.1: our FindSCU against the simulator gets every match, in both models")
    func findSCU() async throws {
        let (pacs, port) = try await start(.init(aeTitle: "FIND", database: Self.archive.makeDatabase()))
        defer { Task { await pacs.stop() } }
        let target = EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "FIND", callingAETitle: "TESTER")
        let collected = Collected()
        for (model, level, keys, expected) in [
            (QueryModel.studyRoot, QueryLevel.study, ["StudyInstanceUID", "PatientName"], 2),
            (.studyRoot, .series, ["StudyInstanceUID=\(Self.studyUID)", "SeriesInstanceUID", "Modality"], 2),
            (.patientRoot, .patient, ["PatientID", "NumberOfPatientRelatedInstances"], 1),
        ] {
            let outcome = try await FindSCU.find(
                target, model: model, identifier: try QueryKeys.identifier(level: level, model: model, keys: keys), on: group.next()
            ) { match in collected.append(match) }
            #expect(outcome.status == .success && outcome.matches == expected, "\(model) \(level)")
        }
        #expect(collected.values.last?.string(.numberOfPatientRelatedInstances) == "12")
    }

    @Test("PS3.7 9.3.2.3: C-CANCEL during a slow C-FIND ends it with Cancel (0xFE00)")
    func cancelFind() async throws {
        let (pacs, port) = try await start(.init(
            aeTitle: "SLOW", database: Self.archive.makeDatabase(), misbehaviour: .init(responseDelay: .milliseconds(300))))
        defer { Task { await pacs.stop() } }
        let association = try await associate(port, called: "SLOW", [SOPClass.studyRootFind.uid])
        var identifier = DataSet()
        try identifier.setString("SERIES", for: .queryRetrieveLevel)
        identifier.setUID(Self.studyUID, for: .studyInstanceUID)
        identifier.insert(DataElement(tag: .seriesInstanceUID, vr: .UI, bytes: []))
        let bytes = try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(identifier)
        let find = Task {
            try await association.send(
                CFindRQ(messageID: 9, affectedSOPClassUID: SOPClass.studyRootFind.uid), abstractSyntax: SOPClass.studyRootFind.uid,
                dataSet: bytes)
        }
        try await Task.sleep(for: .milliseconds(100))
        let contextID = try #require(await association.negotiated?.context(abstractSyntax: SOPClass.studyRootFind.uid)?.id)
        await association.respond(CCancelRQ(messageIDBeingRespondedTo: 9), contextID: contextID)
        let response = try await find.value
        try await association.release()
        guard case .cFindRSP(let final) = response else { throw Failure("not a C-FIND-RSP: \(response)") }
        // Uncancelled, the final status would be Success after two matches (900 ms).
        #expect(final.status == .cancel)
    }
}

/// Matches collected from the loop, read by the test.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [DataSet] = []
    var values: [DataSet] { lock.withLock { stored } }
    func append(_ value: DataSet) { lock.withLock { stored.append(value) } }
}
