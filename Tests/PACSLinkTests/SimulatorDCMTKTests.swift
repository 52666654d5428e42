import DICOMProtocol
import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// Interop: Part 10 files made by DCMTK's `dump2dcm` load into the study database and answer
/// queries and retrieves like our own.
@Suite("Simulator DCMTK files")
struct SimulatorDCMTKTests {
    /// A `dump2dcm` text dump of one CT instance; `name` is written in ISO 8859-1.
    private func dump(patient: String, name: String, study: String, series: String, instance: String, date: String) -> [UInt8] {
        let lines = [
            "(0008,0005) CS [ISO_IR 100]",
            "(0008,0016) UI =CTImageStorage",
            "(0008,0018) UI [\(instance)]",
            "(0008,0020) DA [\(date)]",
            "(0008,0060) CS [CT]",
            "(0010,0010) PN [\(name)]",
            "(0010,0020) LO [\(patient)]",
            "(0020,000d) UI [\(study)]",
            "(0020,000e) UI [\(series)]",
            "(0020,0013) IS [1]",
            "(0028,0010) US 2",
            "(0028,0011) US 2",
            "(7fe0,0010) OW 0000\\0001\\0002\\0003",
        ]
        return SpecificCharacterSet.isoIR100.encode(lines.joined(separator: "\n") + "\n")!
    }

    @Test("PS3.10 files from dump2dcm (explicit and implicit VR, ISO_IR 100 names) load, query and retrieve")
    func dump2dcmFiles() throws {
        let tool = try DCMTK.tool("dump2dcm")
        let directory = try TemporaryDirectory(prefix: "simulator-dcmtk")
        let root = "1.2.826.0.1.3680043.9.7"
        let files: [(String, [UInt8], [String])] = [
            ("hans", dump(patient: "DC1", name: "Müller^Hans", study: "\(root).1", series: "\(root).1.1", instance: "\(root).1.1.1", date: "20190304"), ["+te"]),
            ("ana1", dump(patient: "DC2", name: "Peña^Ana", study: "\(root).2", series: "\(root).2.1", instance: "\(root).2.1.1", date: "20220101"), ["+ti"]),
            ("ana2", dump(patient: "DC2", name: "Peña^Ana", study: "\(root).2", series: "\(root).2.2", instance: "\(root).2.2.1", date: "20220101"), ["+te"]),
        ]
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("dcm"), withIntermediateDirectories: true)
        for (name, text, options) in files {
            let dumpPath = directory.url.appendingPathComponent("\(name).dump").path
            try Data(text).write(to: URL(fileURLWithPath: dumpPath))
            let result = try ChildProcess.run(tool, options + [dumpPath, directory.url.appendingPathComponent("dcm/\(name).dcm").path])
            #expect(result.status == 0, "\(result.stderr)")
        }

        var database = StudyDatabase()
        let load = try database.addFiles(under: directory.url.appendingPathComponent("dcm").path)
        #expect(load.indexed == 3 && load.skipped.isEmpty, "\(load.skipped)")
        #expect([database.patientCount, database.studyCount, database.seriesCount] as [Int] == [2, 2, 3])

        let byName = database.find(try QueryRequest(
            identifier: QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["PatientName=PEÑA*", "NumberOfStudyRelatedSeries", "StudyDate"]),
            model: .studyRoot))
        #expect(byName.count == 1)
        #expect(byName.first?.string(.patientName) == "Peña^Ana")
        #expect(byName.first?.string(.specificCharacterSet) == "ISO_IR 192")
        #expect(byName.first?.int(.numberOfStudyRelatedSeries) == 2)

        let byDate = database.find(try QueryRequest(
            identifier: QueryKeys.identifier(level: .patient, model: .patientRoot, keys: ["PatientName", "PatientID=DC1"]), model: .patientRoot))
        #expect(byDate.first?.string(.patientName) == "Müller^Hans")

        let instances = database.instances(studyInstanceUID: "\(root).2")
        #expect(instances.map(\.sopInstanceUID) == ["\(root).2.1.1", "\(root).2.2.1"])
        #expect(instances.map(\.sopClassUID) == [SOPClass.ctImageStorage.uid, SOPClass.ctImageStorage.uid])
        #expect(instances.first?.source == .file(
            path: directory.url.appendingPathComponent("dcm/ana1.dcm").path, transferSyntaxUID: TransferSyntax.implicitVRLittleEndian.uid))
    }

    @Test("PS3.10 synthetic instances written as Part 10 files read in dcmdump with their pixel module")
    func syntheticReadByDCMTK() throws {
        let tool = try DCMTK.tool("dcmdump")
        let directory = try TemporaryDirectory(prefix: "simulator-dcmdump")
        let archive = SyntheticStudies(seed: 5, studies: 1, seriesPerStudy: 3, instancesPerSeries: 1, pixelBytes: 10_000)
        for (n, instance) in archive.instances.enumerated() {
            let ds = instance.dataSet(includingPixelData: false)
            let syntax: TransferSyntax = n == 0 ? .implicitVRLittleEndian : .explicitVRLittleEndian
            let meta = try FileMetaInformation(
                mediaStorageSOPClassUID: ds.uid(.sopClassUID)!, mediaStorageSOPInstanceUID: ds.uid(.sopInstanceUID)!, transferSyntaxUID: syntax.uid)
            let path = directory.url.appendingPathComponent("\(n).dcm")
            try DICOMFile.write(meta: meta, dataSet: try instance.encoded(in: syntax), to: path)
            let result = try ChildProcess.run(tool, ["+L", path.path])
            #expect(result.status == 0 && result.stderr.isEmpty, "dcmdump warned: \(result.stderr)")
            #expect(result.stdout.contains("[\(ds.uid(.sopInstanceUID)!)]"))
            #expect(result.stdout.contains("(0028,0010) US \(instance.rows) "))
            #expect(result.stdout.contains("(7fe0,0010) OW"))
            #expect(result.stdout.contains("# \(instance.pixelDataLength), 1 PixelData"))
        }
    }

    @Test("PS3.4 C.4.1.1.3 an identifier encoded by dump2dcm (Implicit VR, ISO_IR 100 wildcard, date range) finds our studies")
    func dcmtkIdentifier() throws {
        let tool = try DCMTK.tool("dump2dcm")
        let directory = try TemporaryDirectory(prefix: "simulator-identifier")
        let lines = [
            "(0008,0005) CS [ISO_IR 100]",
            "(0008,0020) DA [20200101-20201231]",
            "(0008,0052) CS [STUDY]",
            "(0008,0061) CS []",
            "(0010,0010) PN [m\u{FC}ller*]",
            "(0020,000d) UI []",
            "(0020,1208) IS []",
        ]
        let dumpPath = directory.url.appendingPathComponent("query.dump").path
        try Data(SpecificCharacterSet.isoIR100.encode(lines.joined(separator: "\n") + "\n")!).write(to: URL(fileURLWithPath: dumpPath))
        let identifierPath = directory.url.appendingPathComponent("query.dcm").path
        let result = try ChildProcess.run(tool, ["-F", "+ti", dumpPath, identifierPath])
        #expect(result.status == 0, "\(result.stderr)")
        let identifier = try DataSetDecoder(encoding: .implicitVRLittleEndian).decode(Array(try Data(contentsOf: URL(fileURLWithPath: identifierPath))))

        let responses = try SimulatorFixtures.database().find(QueryRequest(identifier: identifier, model: .studyRoot))
        #expect(responses.count == 1)
        let study = try #require(responses.first)
        #expect(study.string(.studyInstanceUID) == "1.2.3")
        #expect(study.string(.patientName) == "Müller^Jürgen")
        #expect(study.string(.modalitiesInStudy) == "MR")
        #expect(study.int(.numberOfStudyRelatedInstances) == 1)
    }
}
