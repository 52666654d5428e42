import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink
import Testing
import TestSupport

/// DCMTK's SCUs (`echoscu`, `findscu`, `movescu`, `getscu`, `storescu`) against the simulated
/// PACS running in this process (PS3.4 Annexes A, B, C).
@Suite("Simulator against DCMTK SCUs", .serialized)
struct SimulatorInteropTests {
    /// 2 studies × 2 series × 3 instances of 4 KB.
    static let archive = SyntheticStudies(studies: 2, seriesPerStudy: 2, instancesPerSeries: 3, pixelBytes: 4096)
    static let study0 = archive.instance(study: 0, series: 0, instance: 0).dataSet(includingPixelData: false)

    let directory: TemporaryDirectory
    let group = EventLoopGroup(loopCount: 2, name: "simulator-test")

    init() throws {
        directory = try TemporaryDirectory(prefix: "simulator-interop")
    }

    /// Starts a simulator with the synthetic archive and `destinations`; returns it and its port.
    func start(
        aeTitle: String = "SIMPACS", destinations: [String: SimulatedPACS.MoveDestination] = [:], omitMoveOriginator: Bool = false
    ) async throws -> (SimulatedPACS, UInt16) {
        let pacs = try SimulatedPACS(
            SimulatedPACS.Configuration(
                aeTitle: aeTitle, host: "127.0.0.1", database: Self.archive.makeDatabase(), destinations: destinations,
                omitMoveOriginator: omitMoveOriginator),
            group: group)
        return (pacs, try await pacs.start())
    }

    /// Runs a DCMTK tool to completion off the cooperative pool (the simulator's tasks need it).
    func run(_ tool: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let path = try DCMTK.tool(tool)
        let result = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ChildProcess.run(path, arguments, timeout: 60) })
            }
        }
        return (result.status, result.stdout + result.stderr)
    }

    func files(in path: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        return (enumerator?.allObjects as? [String] ?? []).filter { !$0.hasPrefix(".") }
            .map { path + "/" + $0 }.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
    }

    /// The number of Pending C-FIND responses findscu reports.
    func findMatches(port: UInt16, _ model: String, _ keys: [String]) async throws -> Int {
        let result = try await run("findscu", ["-v", model, "-aet", "FINDER", "-aec", "SIMPACS"] + keys.flatMap { ["-k", $0] } + ["127.0.0.1", String(port)])
        #expect(result.status == 0, "\(result.output)")
        return result.output.components(separatedBy: "\n").filter { $0.contains("Find Response") && $0.contains("Pending") }.count
    }

    @Test("PS3.4 Annex A: echoscu gets Success from the simulator")
    func echo() async throws {
        let (pacs, port) = try await start()
        defer { Task { await pacs.stop() } }
        let result = try await run("echoscu", ["-aet", "ECHOER", "-aec", "SIMPACS", "127.0.0.1", String(port)])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("PS3.15 B.1: echoscu +tls reaches a simulator configured with a certificate; plain TCP does not")
    func tls() async throws {
        let certificates = try EchoTLSCertificates()
        let pacs = try SimulatedPACS(
            SimulatedPACS.Configuration(
                aeTitle: "TLSPACS", host: "127.0.0.1",
                tls: .server(certificateChainFile: certificates.certificate("server"), privateKeyFile: certificates.key("server"))),
            group: group)
        let port = try await pacs.start()
        defer { Task { await pacs.stop() } }
        let tls = ["+tls", certificates.key("client"), certificates.certificate("client"), "+cf", certificates.certificate("server")]
        let echo = try await run("echoscu", ["-aet", "ECHOER", "-aec", "TLSPACS"] + tls + ["localhost", String(port)])
        #expect(echo.status == 0, "\(echo.output)")
        let plain = try await run("echoscu", ["-aet", "ECHOER", "-aec", "TLSPACS", "127.0.0.1", String(port)])
        #expect(plain.status != 0)
    }

    @Test("PS3.4 C.4.1: findscu at study and series level, Patient and Study Root, gets the expected matches")
    func find() async throws {
        let (pacs, port) = try await start()
        defer { Task { await pacs.stop() } }
        let study = try #require(Self.study0.uid(.studyInstanceUID))
        let patient = try #require(Self.study0.string(.patientID))
        #expect(try await findMatches(port: port, "-S", ["QueryRetrieveLevel=STUDY", "StudyInstanceUID"]) == 2)
        #expect(try await findMatches(port: port, "-S", ["QueryRetrieveLevel=STUDY", "StudyInstanceUID=\(study)"]) == 1)
        #expect(try await findMatches(port: port, "-S", ["QueryRetrieveLevel=SERIES", "StudyInstanceUID=\(study)", "SeriesInstanceUID"]) == 2)
        #expect(try await findMatches(port: port, "-P", ["QueryRetrieveLevel=PATIENT", "PatientID"]) == 1)
        #expect(try await findMatches(port: port, "-P", ["QueryRetrieveLevel=STUDY", "PatientID=\(patient)", "StudyInstanceUID"]) == 2)
        #expect(try await findMatches(port: port, "-P", [
            "QueryRetrieveLevel=SERIES", "PatientID=\(patient)", "StudyInstanceUID=\(study)", "SeriesInstanceUID", "Modality",
        ]) == 2)
    }

    /// movescu with its own storage SCP on `+P destinationPort` receives the study.
    func move(omitMoveOriginator: Bool) async throws {
        let destinationPort = FreePort.next()
        let (pacs, port) = try await start(
            destinations: ["MOVER": .init(host: "127.0.0.1", port: destinationPort)], omitMoveOriginator: omitMoveOriginator)
        defer { Task { await pacs.stop() } }
        let study = try #require(Self.study0.uid(.studyInstanceUID))
        let out = directory.path + "/move-\(omitMoveOriginator)"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try await run("movescu", [
            "-d", "-S", "-aet", "MOVER", "-aec", "SIMPACS", "-aem", "MOVER", "+P", String(destinationPort), "-od", out,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(study)", "127.0.0.1", String(port),
        ])
        #expect(result.status == 0, "\(result.output)")
        let originators = result.output.components(separatedBy: "\n").filter { $0.contains("Move Originator AE Title") }
        #expect(originators.count == (omitMoveOriginator ? 0 : 6), "\(originators)")
        #expect(originators.allSatisfy { $0.hasSuffix(": MOVER") })
        let received = files(in: out)
        #expect(received.count == 6, "\(result.output)")
        for file in received {
            let dump = try await run("dcmdump", [file])
            #expect(dump.status == 0 && dump.output.contains(study), "\(dump.output)")
        }
    }

    @Test("PS3.4 C.4.2: movescu receives every instance of a study, Move Originator fields set")
    func moveWithOriginator() async throws { try await move(omitMoveOriginator: false) }

    @Test("PS3.4 C.4.2: movescu receives every instance of a study, Move Originator fields omitted")
    func moveWithoutOriginator() async throws { try await move(omitMoveOriginator: true) }

    @Test("PS3.4 C.4.2.1.5: a C-MOVE to an unknown destination is refused with 0xA801")
    func unknownDestination() async throws {
        let (pacs, port) = try await start()
        defer { Task { await pacs.stop() } }
        let study = try #require(Self.study0.uid(.studyInstanceUID))
        let result = try await run("movescu", [
            "-v", "-S", "-aet", "MOVER", "-aec", "SIMPACS", "-aem", "NOWHERE", "+P", String(FreePort.next()), "-od", directory.path,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(study)", "127.0.0.1", String(port),
        ])
        #expect(result.output.contains("Final Move Response (Refused: MoveDestinationUnknown)"), "\(result.output)")
        #expect(files(in: directory.path).isEmpty)
    }

    @Test("PS3.4 C.4.3: getscu receives every instance of a study on its own association")
    func get() async throws {
        let (pacs, port) = try await start()
        defer { Task { await pacs.stop() } }
        let study = try #require(Self.study0.uid(.studyInstanceUID))
        let out = directory.path + "/get"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try await run("getscu", [
            "-v", "-S", "-aet", "GETTER", "-aec", "SIMPACS", "-od", out,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(study)", "127.0.0.1", String(port),
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(files(in: out).count == 6, "\(result.output)")
    }

    @Test("PS3.4 C.4.3: files served from a folder (Explicit and Implicit VR) reach getscu with the same data set")
    func getFromFolder() async throws {
        let uid = "1.2.826.0.1.3680043.9.7.88"
        var sources: [String] = []
        for (index, option) in ["+te", "+ti"].enumerated() {
            let lines = [
                "(0008,0016) UI =SecondaryCaptureImageStorage", "(0008,0018) UI [\(uid).1.\(index)]", "(0008,0060) CS [OT]",
                "(0010,0010) PN [Folder^Patient]", "(0010,0020) LO [FOLDER1]", "(0020,000d) UI [\(uid)]", "(0020,000e) UI [\(uid).1]",
                "(7fe0,0010) OW 0001\\0002\\0003\\0004",
            ]
            let dumpPath = directory.path + "/f\(index).dump", file = directory.path + "/files/f\(index).dcm"
            try FileManager.default.createDirectory(atPath: directory.path + "/files", withIntermediateDirectories: true)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dumpPath))
            #expect(try await run("dump2dcm", [option, dumpPath, file]).status == 0)
            sources.append(file)
        }
        var database = StudyDatabase()
        #expect(try database.addFiles(under: directory.path + "/files").indexed == 2)
        let pacs = try SimulatedPACS(.init(aeTitle: "SIMPACS", host: "127.0.0.1", database: database), group: group)
        let port = try await pacs.start()
        defer { Task { await pacs.stop() } }
        let out = directory.path + "/got"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try await run("getscu", [
            "-S", "-aet", "GETTER", "-aec", "SIMPACS", "-od", out, "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(uid)",
            "127.0.0.1", String(port),
        ])
        #expect(result.status == 0, "\(result.output)")
        let received = files(in: out)
        #expect(received.count == 2, "\(result.output)")
        // The data sets (dcmdump without group 0002 and the transfer syntax line) are the same.
        func dataSet(_ path: String) async throws -> [String] {
            try await run("dcmdump", ["-q", path]).output.components(separatedBy: "\n")
                .filter { $0.hasPrefix("(") && !$0.hasPrefix("(0002,") }
        }
        for file in received {
            let name = try #require(try await dataSet(file).first { $0.hasPrefix("(0008,0018)") })
            let source = try #require(sources.first { path in name.contains("\(uid).1.\(path.hasSuffix("f0.dcm") ? 0 : 1)") })
            #expect(try await dataSet(file) == (try await dataSet(source)))
        }
    }

    @Test("PS3.4 Annex B: storescu stores into the simulator, then findscu finds the new study")
    func storeThenFind() async throws {
        let (pacs, port) = try await start()
        defer { Task { await pacs.stop() } }
        let dumpPath = directory.path + "/new.dump", file = directory.path + "/new.dcm"
        let uid = "1.2.826.0.1.3680043.9.7.77"
        let lines = [
            "(0008,0016) UI =SecondaryCaptureImageStorage", "(0008,0018) UI [\(uid).1.1]", "(0008,0060) CS [OT]",
            "(0010,0010) PN [New^Patient]", "(0010,0020) LO [NEW1]", "(0020,000d) UI [\(uid)]", "(0020,000e) UI [\(uid).1]",
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dumpPath))
        #expect(try await run("dump2dcm", ["+te", dumpPath, file]).status == 0)
        let stored = try await run("storescu", ["-aet", "STORER", "-aec", "SIMPACS", "127.0.0.1", String(port), file])
        #expect(stored.status == 0, "\(stored.output)")
        #expect(pacs.archive.snapshot.instance(sopInstanceUID: "\(uid).1.1") != nil)
        #expect(try await findMatches(port: port, "-S", ["QueryRetrieveLevel=STUDY", "StudyInstanceUID=\(uid)", "PatientName"]) == 1)
    }
}
