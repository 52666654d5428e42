import Foundation
import Testing
import TestSupport

/// `pacslink find` against DCMTK's `dcmqrscp` (issue 5): what the archive holds comes back at
/// the study and series levels, as streamed lines and as one JSON document.
@Suite("find against dcmqrscp")
struct FindInteropTests {
    @Test("PS3.4 C.4.1 C-FIND study and series levels return what dcmqrscp holds")
    func studyAndSeriesLevels() throws {
        let archive = try RetrieveTestArchive(destinationPort: FreePort.next(), studies: [[2, 1], [1]])
        try archive.start()
        defer { archive.stop() }
        let home = try TemporaryDirectory(prefix: "find")
        let options = try archive.registry(in: home)
        let pacslink = try BuiltProducts.pacslink()

        var run = try ChildProcess.run(pacslink, options + ["find", "pacs", "--level", "study", "-k", "PatientName", "-k", "PatientID"])
        #expect(run.status == 0, "\(run.stderr)\n\(archive.log)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "PatientName\tPatientID\tStudyInstanceUID", "\(lines)")
        let studies = Set(lines.dropFirst())
        #expect(studies == [
            "Test^Patient1\tPID1\t1.2.826.0.1.3680043.9.7.1", "Test^Patient2\tPID2\t1.2.826.0.1.3680043.9.7.2",
        ], "\(lines)")
        #expect(run.stderr.contains("2 matches"), "\(run.stderr)")

        run = try ChildProcess.run(
            pacslink, options + ["find", "pacs", "--level", "series", "-k", "StudyInstanceUID=1.2.826.0.1.3680043.9.7.1", "-k", "Modality", "--json"])
        #expect(run.status == 0, "\(run.stderr)\n\(archive.log)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(document["count"] as? Int == 2)
        #expect(document["status"] as? String == "0x0000")
        let matches = try #require(document["matches"] as? [[String: Any]])
        let series = matches.compactMap { (($0["0020000E"] as? [String: Any])?["Value"] as? [String])?.first }
        let modalities = matches.compactMap { (($0["00080060"] as? [String: Any])?["Value"] as? [String])?.first }
        #expect(Set(series) == ["1.2.826.0.1.3680043.9.7.1.1", "1.2.826.0.1.3680043.9.7.1.2"])
        #expect(Set(modalities) == ["OT", "CT"])

        run = try ChildProcess.run(pacslink, options + ["find", "pacs", "--level", "study", "-k", "PatientID=NOBODY"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 1, "only the header: \(run.stdout)")
    }

    @Test("find with a key of a lower level is refused before anything is sent (exit 3)")
    func invalidKey() throws {
        let home = try TemporaryDirectory(prefix: "find")
        try "[server \"pacs\"]\nae_title = X\nhost = 127.0.0.1\nport = 1\n".write(
            to: home.url.appendingPathComponent("user.ini"), atomically: true, encoding: .utf8)
        let run = try ChildProcess.run(
            try BuiltProducts.pacslink(),
            ["--config", home.path + "/user.ini", "--admin-config", home.path + "/admin.ini", "find", "pacs", "--level", "study", "-k", "SOPInstanceUID=1.2"])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
    }
}
