import DICOMProtocol
import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// `StudyDatabase`: indexing, C-MOVE/C-GET lookups at each level (PS3.4 §C.4.2.2.1), and
/// loading folders of Part 10 files written at test time.
@Suite("Simulator study database")
struct SimulatorDatabaseTests {
    private func retrieve(_ model: QueryModel, _ level: QueryLevel, _ keys: [(DICOMProtocol.Tag, String)]) throws -> [String] {
        var identifier = DataSet()
        try identifier.setString(level.rawValue, for: .queryRetrieveLevel)
        for (tag, value) in keys { try identifier.setString(value, for: tag) }
        return try SimulatorFixtures.database().instances(matching: identifier, model: model).map(\.sopInstanceUID)
    }

    private func refusal(_ body: () throws -> Void) -> QueryError? {
        do {
            try body()
            return nil
        } catch {
            return error as? QueryError
        }
    }

    @Test("Indexing builds the hierarchy; re-adding an instance does not duplicate it")
    func indexing() throws {
        var database = try SimulatorFixtures.database()
        #expect([database.patientCount, database.studyCount, database.seriesCount, database.instanceCount] as [Int] == [2, 3, 4, 5])
        try database.add(SimulatorFixtures.dataSet(SimulatorFixtures.rows[0]), source: .file(path: "/elsewhere.dcm", transferSyntaxUID: "1.2.840.10008.1.2"))
        #expect(database.instanceCount == 5)
        #expect(database.instance(sopInstanceUID: "1.2.1.1.1")?.source == .file(path: "/elsewhere.dcm", transferSyntaxUID: "1.2.840.10008.1.2"))
        let stored = try #require(database.instance(sopInstanceUID: "1.2.3.1.1"))
        #expect(stored.studyInstanceUID == "1.2.3" && stored.seriesInstanceUID == "1.2.3.1")
        #expect(stored.sopClassUID == SOPClass.mrImageStorage.uid)
        #expect(database.instance(sopInstanceUID: "9.9") == nil)
    }

    @Test("An existing study keeps its patient: a later instance naming another patient adds no phantom patient")
    func firstHierarchyWins() throws {
        var database = try SimulatorFixtures.database()
        var row = SimulatorFixtures.rows[0]
        row.patient = ("P9", "Other^Patient")
        row.series = ("1.2.1.9", "CT", "9")
        row.instance = "1.2.1.9.1"
        try database.add(SimulatorFixtures.dataSet(row), source: .file(path: "/x.dcm", transferSyntaxUID: "1.2.840.10008.1.2"))
        #expect([database.patientCount, database.studyCount, database.seriesCount, database.instanceCount] as [Int] == [2, 3, 5, 6])
        #expect(database.instances(at: .patient, keys: ["P1"]).count == 5)
        #expect(database.instances(at: .patient, keys: ["P9"]).isEmpty)
    }

    @Test("An instance without a Study, Series or SOP Instance UID is refused, naming it")
    func indexingRefused() throws {
        var database = StudyDatabase()
        var ds = try SimulatorFixtures.dataSet(SimulatorFixtures.rows[0])
        ds.remove(.seriesInstanceUID)
        let error = try #require(refusal { try database.add(ds, source: .file(path: "/x", transferSyntaxUID: "1.2.840.10008.1.2")) })
        #expect(error.kind == .missingUniqueKey)
        #expect(error.field == "SeriesInstanceUID (0020,000E)")
        #expect(database.instanceCount == 0)
    }

    @Test("PS3.4 C.4.2.2.1 retrieve at each level of both models")
    func retrieveLevels() throws {
        #expect(try retrieve(.patientRoot, .patient, [(.patientID, "P1")]) == ["1.2.1.1.1", "1.2.1.1.2", "1.2.1.2.1", "1.2.2.1.1"])
        #expect(try retrieve(.studyRoot, .study, [(.studyInstanceUID, "1.2.1")]) == ["1.2.1.1.1", "1.2.1.1.2", "1.2.1.2.1"])
        #expect(try retrieve(.studyRoot, .study, [(.studyInstanceUID, "1.2.2\\1.2.3")]) == ["1.2.2.1.1", "1.2.3.1.1"])
        #expect(try retrieve(.patientRoot, .study, [(.patientID, "P2"), (.studyInstanceUID, "1.2.3")]) == ["1.2.3.1.1"])
        #expect(try retrieve(.studyRoot, .series, [(.studyInstanceUID, "1.2.1"), (.seriesInstanceUID, "1.2.1.2")]) == ["1.2.1.2.1"])
        #expect(
            try retrieve(.studyRoot, .image, [(.studyInstanceUID, "1.2.1"), (.seriesInstanceUID, "1.2.1.1"), (.sopInstanceUID, "1.2.1.1.2\\1.2.1.1.1")])
                == ["1.2.1.1.2", "1.2.1.1.1"])
    }

    @Test("PS3.4 C.4.2.2.1 entities outside the given upper keys, and unknown UIDs, retrieve nothing")
    func retrieveHierarchy() throws {
        #expect(try retrieve(.studyRoot, .series, [(.studyInstanceUID, "1.2.1"), (.seriesInstanceUID, "1.2.1.1\\1.2.3.1")]) == ["1.2.1.1.1", "1.2.1.1.2"])
        #expect(try retrieve(.patientRoot, .study, [(.patientID, "P1"), (.studyInstanceUID, "1.2.3")]) == [])
        #expect(try retrieve(.studyRoot, .study, [(.studyInstanceUID, "9.9.9")]) == [])
    }

    @Test("PS3.4 C.4.2.2.1 retrieve identifiers without the needed unique keys are refused")
    func retrieveRefused() throws {
        let noSeries = try #require(refusal { _ = try retrieve(.studyRoot, .image, [(.studyInstanceUID, "1.2.1"), (.sopInstanceUID, "1.2.1.1.1")]) })
        #expect(noSeries.kind == .missingUniqueKey && noSeries.field == "SeriesInstanceUID (0020,000E)")
        let empty = try #require(refusal { _ = try retrieve(.studyRoot, .study, [(.studyInstanceUID, "")]) })
        #expect(empty.kind == .missingUniqueKey)
        let twoStudies = try #require(refusal { _ = try retrieve(.studyRoot, .series, [(.studyInstanceUID, "1.2.1\\1.2.2"), (.seriesInstanceUID, "1.2.1.1")]) })
        #expect(twoStudies.detail.contains("one value"))
        let patientLevel = try #require(refusal { _ = try retrieve(.studyRoot, .patient, [(.patientID, "P1")]) })
        #expect(patientLevel.kind == .invalidLevel)
    }

    @Test("Convenience lookups by study, series list and level, each instance once")
    func convenienceLookups() throws {
        let database = try SimulatorFixtures.database()
        #expect(database.instances(studyInstanceUID: "1.2.1").count == 3)
        #expect(database.instances(seriesInstanceUIDs: ["1.2.1.2", "1.2.3.1", "1.2.1.2"]).map(\.sopInstanceUID) == ["1.2.1.2.1", "1.2.3.1.1"])
        #expect(database.instances(at: .patient, keys: ["P2"]).map(\.sopInstanceUID) == ["1.2.3.1.1"])
    }

    @Test("Synthetic archives index every instance with its generator as source")
    func syntheticSources() throws {
        let archive = SyntheticStudies(seed: 9, studies: 2, seriesPerStudy: 2, instancesPerSeries: 3, pixelBytes: 32)
        let database = archive.makeDatabase()
        #expect([database.patientCount, database.studyCount, database.seriesCount, database.instanceCount] as [Int] == [1, 2, 4, 12])
        let first = archive.instance(study: 1, series: 1, instance: 2)
        let uid = try #require(first.dataSet(includingPixelData: false).uid(.studyInstanceUID))
        let instances = database.instances(studyInstanceUID: uid)
        #expect(instances.count == 6)
        #expect(instances.last?.source == .synthetic(first))
    }

    @Test("PS3.10 7 a folder of files written at test time loads, sub-folders included; other files are reported")
    func folder() throws {
        let directory = try TemporaryDirectory(prefix: "simulator-folder")
        let archive = SyntheticStudies(seed: 11, studies: 2, seriesPerStudy: 1, instancesPerSeries: 3, pixelBytes: 64)
        for (n, instance) in archive.instances.enumerated() {
            let syntax: TransferSyntax = n % 2 == 0 ? .explicitVRLittleEndian : .implicitVRLittleEndian
            let ds = instance.dataSet()
            let meta = try FileMetaInformation(
                mediaStorageSOPClassUID: ds.uid(.sopClassUID)!, mediaStorageSOPInstanceUID: ds.uid(.sopInstanceUID)!, transferSyntaxUID: syntax.uid)
            let folder = directory.url.appendingPathComponent(n < 3 ? "a" : "b/c")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try DICOMFile.write(meta: meta, dataSet: try instance.encoded(in: syntax), to: folder.appendingPathComponent("\(n).dcm"))
        }
        try Data("not DICOM".utf8).write(to: directory.url.appendingPathComponent("notes.txt"))
        try Data("hidden".utf8).write(to: directory.url.appendingPathComponent(".DS_Store"))

        var database = StudyDatabase()
        let load = try database.addFiles(under: directory.path)
        #expect(load.indexed == 6)
        #expect(load.skipped.count == 1)
        #expect(load.skipped.first?.path.hasSuffix("notes.txt") == true)
        #expect(database.studyCount == 2 && database.instanceCount == 6)

        let second = archive.instance(study: 0, series: 0, instance: 1).dataSet()
        let stored = try #require(database.instance(sopInstanceUID: second.uid(.sopInstanceUID)!))
        #expect(stored.source == .file(path: directory.url.appendingPathComponent("a/1.dcm").path, transferSyntaxUID: TransferSyntax.implicitVRLittleEndian.uid))
        let found = database.find(try QueryRequest(
            identifier: QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["PatientName", "NumberOfStudyRelatedInstances"]), model: .studyRoot))
        #expect(found.map { $0.int(.numberOfStudyRelatedInstances) } == [3, 3])
        #expect(found.first?.string(.patientName) == second.string(.patientName))

        #expect(throws: FileError.self) { _ = try database.addFiles(under: directory.url.appendingPathComponent("missing").path) }
    }
}
