import Foundation
import Testing
import TestSupport
import DICOMProtocol
import DICOMTransport
import PACSLink

/// `pacslink retrieve` against DCMTK's `dcmqrscp` (issue 5): by C-MOVE into our listen port and
/// by C-GET on the same association, every instance arrives in
/// `RetrievedFiles/<Study>/<Series>/<SOP>.dcm` with the data set dcmqrscp holds; a destination
/// dcmqrscp does not know is reported as 0xA801 with the advice to register us.
@Suite("retrieve against dcmqrscp", .serialized)
struct RetrieveInteropTests {
    /// `dcmdump` of a file without its File Meta Information (group 0002) and the header lines
    /// that describe it.
    static func dataSetDump(_ path: String) throws -> [String] {
        let run = try ChildProcess.run(DCMTK.tool("dcmdump"), ["+L", path])
        guard run.status == 0 else { throw Failure("dcmdump \(path): \(run.stderr)") }
        return run.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("(0002,") && !$0.hasPrefix("#") && !$0.isEmpty }
    }

    func retrieve(_ archive: RetrieveTestArchive, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String, out: URL) {
        let home = try TemporaryDirectory(prefix: "retrieve")
        home.keep()
        let options = try archive.registry(in: home)
        let out = home.url.appendingPathComponent("out")
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(), options + ["retrieve", "pacs"] + arguments + ["--out", out.path, "--json"], timeout: 90)
        return (run.status, run.stdout, run.stderr, out)
    }

    func expectArrived(_ instances: [RetrieveTestArchive.Instance], in out: URL, archive: RetrieveTestArchive) throws {
        let root = out.appendingPathComponent("RetrievedFiles")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".dcm") } ?? []
        #expect(Set(files) == Set(instances.map { "\($0.study)/\($0.series)/\($0.sop).dcm" }), "\(files)")
        for instance in instances {
            let received = root.appendingPathComponent("\(instance.study)/\(instance.series)/\(instance.sop).dcm").path
            #expect(try Self.dataSetDump(received) == Self.dataSetDump(archive.url(of: instance).path), "\(instance.sop)")
        }
    }

    @Test("PS3.4 C.4.2 C-MOVE of a study and of one series: every instance arrives byte-identical in its folder")
    func moveStudyAndSeries() throws {
        let archive = try RetrieveTestArchive(destinationPort: FreePort.next(), studies: [[2, 1], [1]])
        try archive.start()
        defer { archive.stop() }
        let study = archive.instances.filter { $0.study.hasSuffix(".7.1") }

        var run = try retrieve(archive, ["--study", study[0].study])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(archive.log)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(document["completed"] as? Int == 3)
        #expect(document["ending"] as? String == "completed")
        #expect(Set(document["stored"] as? [String] ?? []) == Set(study.map(\.sop)))
        try expectArrived(study, in: run.out, archive: archive)

        let series = study.filter { $0.series.hasSuffix(".1.2") }
        run = try retrieve(archive, ["--study", study[0].study, "--series", series[0].series])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(archive.log)")
        try expectArrived(series, in: run.out, archive: archive)
    }

    @Test("PS3.4 C.4.2.1.5 a move destination dcmqrscp does not know: 0xA801 with the advice to register our AE")
    func unknownDestination() throws {
        let archive = try RetrieveTestArchive(destinationAETitle: "SOMEONE", destinationPort: FreePort.next(), studies: [[1]])
        try archive.start()
        defer { archive.stop() }
        let run = try retrieve(archive, ["--study", archive.instances[0].study])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0xA801"), "\(run.stdout)")
        #expect(run.stdout.contains("Register our AE title PACSLINK"), "\(run.stdout)")
    }

    @Test("PS3.4 C.4.3 C-GET with SCP role selection: every instance arrives byte-identical in its folder")
    func get() throws {
        let archive = try RetrieveTestArchive(destinationPort: FreePort.next(), studies: [[2, 1], [1]])
        try archive.start()
        defer { archive.stop() }
        let study = archive.instances.filter { $0.study.hasSuffix(".7.1") }
        let run = try retrieve(archive, ["--study", study[0].study, "--method", "get"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(archive.log)")
        try expectArrived(study, in: run.out, archive: archive)
    }
}

/// Two PACS moving into one shared listen port at once (issue 5): routing is per C-STORE by the
/// Move Originator fields, so each retrieve reports exactly its own instances.
@Suite("concurrent retrieves into one listen port")
struct RetrieveSharedPortInteropTests {
    @Test("PS3.7 9.1.1.1.7 two dcmqrscp with different AE titles moving different studies into one port at once")
    func twoArchivesOnePort() async throws {
        let port = FreePort.next()
        let first = try RetrieveTestArchive(aeTitle: "QRONE", destinationPort: port, studies: [[3, 2]], root: "1.2.826.0.1.3680043.9.8")
        let second = try RetrieveTestArchive(aeTitle: "QRTWO", destinationPort: port, studies: [[4]], root: "1.2.826.0.1.3680043.9.9")
        try first.start()
        defer { first.stop() }
        try second.start()
        defer { second.stop() }
        let storage = try TemporaryDirectory(prefix: "shared-port")
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let coordinator = RetrieveCoordinator()
        let acceptor = try StorageListener.make(
            addresses: [.init(port: port)], aeTitle: "PACSLINK",
            store: InstanceStore(layout: StorageLayout(root: storage.url)), coordinator: coordinator, group: group)
        try await acceptor.start()
        func run(_ archive: RetrieveTestArchive) async throws -> RetrieveOutcome {
            let target = EchoTarget(
                host: "127.0.0.1", port: archive.port, calledAETitle: archive.aeTitle, callingAETitle: "PACSLINK", timeout: .seconds(20))
            let request = RetrieveRequest(
                serverName: archive.aeTitle, calledAETitle: archive.aeTitle, ourAETitle: "PACSLINK", peerHost: "127.0.0.1",
                peerAddresses: ["127.0.0.1"], studyInstanceUID: archive.instances[0].study)
            return try await MoveSCU.retrieve(target, request: request, listenPort: port, coordinator: coordinator, on: group.next())
        }
        async let one = run(first)
        async let two = run(second)
        let (a, b) = try await (one, two)
        await acceptor.stop()
        #expect(Set(a.move.storedInstances) == Set(first.instances.map(\.sop)), "\(first.log)")
        #expect(Set(b.move.storedInstances) == Set(second.instances.map(\.sop)), "\(second.log)")
        #expect(a.ending == .completed(finalStatus: .success))
        #expect(b.ending == .completed(finalStatus: .success))
    }
}
