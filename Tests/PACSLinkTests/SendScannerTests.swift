import DICOMProtocol
import Foundation
import PACSLink
import TestSupport
import Testing

/// Writes a Part 10 file with the given header and `length` bytes of (opaque) data set.
func writePart10(
    _ directory: TemporaryDirectory, _ name: String, sopClass: String = SOPClass.lookup(uid: "1.2.840.10008.5.1.4.1.1.2")!.uid,
    instance: String, transferSyntax: TransferSyntax = .explicitVRLittleEndian, length: Int = 16
) throws -> String {
    let url = directory.url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let meta = try FileMetaInformation(
        mediaStorageSOPClassUID: sopClass, mediaStorageSOPInstanceUID: instance, transferSyntaxUID: transferSyntax.uid)
    try DICOMFile.write(meta: meta, dataSet: [UInt8](repeating: 0x41, count: length), to: url)
    return url.path
}

@Suite("Send: scanning paths (PS3.10 §7.1)")
struct SendScannerTests {
    @Test("PS3.10 7.1 a folder: Part 10 files are read, non-DICOM files skipped, subfolders only with --recursive")
    func folder() throws {
        let dir = try TemporaryDirectory()
        let a = try writePart10(dir, "a.dcm", instance: "1.2.3.1", length: 100)
        let b = try writePart10(dir, "b.dcm", instance: "1.2.3.2", transferSyntax: .implicitVRLittleEndian)
        let nested = try writePart10(dir, "sub/c.dcm", instance: "1.2.3.3")
        try Data("not dicom".utf8).write(to: dir.url.appendingPathComponent("notes.txt"))

        let flat = SendScanner.scan([dir.path], recursive: false)
        #expect(flat.files.map(\.path) == [a, b])
        #expect(flat.files[0].sopInstanceUID == "1.2.3.1")
        #expect(flat.files[0].sopClassUID == "1.2.840.10008.5.1.4.1.1.2")
        #expect(flat.files[0].transferSyntax == .explicitVRLittleEndian)
        #expect(flat.files[0].dataSetLength == 100)
        #expect(flat.files[1].transferSyntax == .implicitVRLittleEndian)
        #expect(flat.rejected.map(\.path) == [dir.path + "/notes.txt", dir.path + "/sub"])
        #expect(flat.rejected.allSatisfy { $0.category == .skipped })
        #expect(flat.rejected[0].reason?.contains("not a DICOM Part 10 file") == true)

        let deep = SendScanner.scan([dir.path], recursive: true)
        #expect(deep.files.map(\.path) == [a, b, nested])
        #expect(deep.rejected.map(\.path) == [dir.path + "/notes.txt"])
    }

    @Test("a folder of many files is read by several threads and listed in name order, a non-DICOM file in its place")
    func manyFiles() throws {
        let dir = try TemporaryDirectory()
        var expected: [String] = []
        for index in 0..<150 {
            let name = String(format: "f%03d.dcm", index)
            if index == 70 {
                try Data("not dicom".utf8).write(to: dir.url.appendingPathComponent(name))
            } else {
                expected.append(try writePart10(dir, name, instance: "1.2.3.\(index)", length: 10 + index))
            }
        }
        let scan = SendScanner.scan([dir.path], recursive: false)
        #expect(scan.entries.count == 150)
        #expect(scan.files.map(\.path) == expected)
        #expect(scan.files.map(\.dataSetLength) == (0..<150).filter { $0 != 70 }.map { 10 + $0 })
        #expect(scan.files.allSatisfy { $0.preloadedDataSet?.count == $0.dataSetLength })
        #expect(scan.entries[70].path == dir.path + "/f070.dcm")
        #expect(scan.rejected.map(\.category) == [.skipped])
    }

    @Test("a folder's links are followed, a FIFO is skipped unopened, an unreadable folder fails with the reason")
    func folderEntriesOfOtherKinds() throws {
        let dir = try TemporaryDirectory()
        let target = try writePart10(dir, "elsewhere/t.dcm", instance: "1.2.3.9")
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/in/link.dcm", withDestinationPath: target)
        #expect(mkfifo(dir.path + "/in/pipe", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/in/dangling", withDestinationPath: dir.path + "/nowhere")
        let scan = SendScanner.scan([dir.path + "/in"], recursive: false)
        #expect(scan.files.map(\.sopInstanceUID) == ["1.2.3.9"])
        #expect(scan.rejected.map(\.path) == [dir.path + "/in/dangling", dir.path + "/in/pipe"])
        #expect(scan.rejected.map(\.category) == [.failure, .skipped])
        #expect(scan.rejected[1].reason == "not a regular file or folder")

        let locked = dir.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        chmod(locked, 0)
        defer { chmod(locked, 0o700) }
        if geteuid() != 0 {  // root lists any folder
            let refused = SendScanner.scan([locked], recursive: false)
            #expect(refused.rejected.map(\.category) == [.failure])
            #expect(refused.rejected.first?.reason?.hasPrefix("cannot list the folder: Permission denied") == true)
        }
    }

    @Test("PS3.10 7.1 missing paths and broken File Meta Information fail with the reason; short files are skipped")
    func failures() throws {
        let dir = try TemporaryDirectory()
        let broken = dir.url.appendingPathComponent("broken.dcm")
        // Preamble and DICM, then a group 0002 element whose length runs past the end.
        try Data([UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + [0x02, 0x00, 0x10, 0x00, 0x55, 0x49, 0x40, 0x00])
            .write(to: broken)
        try Data([1, 2, 3]).write(to: dir.url.appendingPathComponent("tiny"))
        let scan = SendScanner.scan([dir.path + "/missing.dcm", broken.path, dir.path + "/tiny"], recursive: false)
        #expect(scan.files.isEmpty)
        #expect(scan.rejected.map(\.category) == [.failure, .failure, .skipped])
        #expect(scan.rejected[0].reason == "no such file or folder")
        #expect(scan.rejected[1].reason?.isEmpty == false)
    }

    @Test("PS3.10 7.1 a file without Media Storage SOP Instance UID cannot be sent")
    func missingInstance() throws {
        let dir = try TemporaryDirectory()
        let path = try writePart10(dir, "x.dcm", instance: "")
        let entry = SendScanner.read(path)
        guard case .rejected(let result) = entry else {
            Issue.record("read as \(entry)")
            return
        }
        #expect(result.category == .failure)
        #expect(result.reason?.contains("(0002,0003)") == true)
    }
}
