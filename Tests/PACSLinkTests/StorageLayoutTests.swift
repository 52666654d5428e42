import DICOMProtocol
import Foundation
import PACSLink
import Testing

@Suite("Storage: StorageLayout")
struct StorageLayoutTests {
    let layout = StorageLayout(root: URL(fileURLWithPath: "/srv/pacs"))

    @Test("Retrieved and received instances go to their folders, named by study, series and instance UID")
    func paths() throws {
        #expect(try layout.fileURL(studyInstanceUID: "1.2.3", seriesInstanceUID: "1.2.3.4", sopInstanceUID: "1.2.3.4.5", disposition: .retrieved).path
            == "/srv/pacs/RetrievedFiles/1.2.3/1.2.3.4/1.2.3.4.5.dcm")
        #expect(try layout.fileURL(studyInstanceUID: "1.2.3", seriesInstanceUID: "1.2.3.4", sopInstanceUID: "1.2.3.4.5", disposition: .received).path
            == "/srv/pacs/ReceivedFiles/1.2.3/1.2.3.4/1.2.3.4.5.dcm")
    }

    @Test("PS3.5 9.1 UIDs that are not UIDs never become path components", arguments: [
        "../", "..", ".", "/", "", "../../etc/passwd", "1.2/3", "/1.2", "1.2.3\u{0}", "1.2.a", "1..2", "1.02",
        String(repeating: "1", count: 65), "1.2.3 ",
    ])
    func rejected(_ bad: String) {
        for position in 0..<3 {
            var uids = ["1.2.3", "1.2.3.4", "1.2.3.4.5"]
            uids[position] = bad
            do {
                let url = try layout.fileURL(studyInstanceUID: uids[0], seriesInstanceUID: uids[1], sopInstanceUID: uids[2], disposition: .retrieved)
                Issue.record("\(bad.debugDescription) accepted as \(url.path)")
            } catch {
                #expect(error.kind == .cannotUnderstand)
                #expect(error.status == .unableToProcess)
                #expect(error.detail.contains("PS3.5 §9.1"), "\(error.detail)")
            }
        }
    }

    @Test("A 64-character UID, the longest PS3.5 9.1 allows, is accepted")
    func longest() throws {
        let uid = "1." + String(repeating: "2", count: 62)
        let url = try layout.fileURL(studyInstanceUID: uid, seriesInstanceUID: uid, sopInstanceUID: uid, disposition: .retrieved)
        #expect(url.path.hasPrefix("/srv/pacs/RetrievedFiles/"))
        #expect(url.lastPathComponent == uid + ".dcm")
    }
}
