import DICOMProtocol
import Foundation
import Testing
import TestSupport

@testable import PACSLink

@Suite("Part 10 files on disk")
struct FilesTests {
    static func sample() throws -> (FileMetaInformation, DataSet, [UInt8]) {
        let meta = try FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.3.4.5",
            transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid)
        var ds = DataSet()
        ds.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
        ds.setUID("1.2.3.4.5", for: .sopInstanceUID)
        try ds.setString("Doe^John", for: .patientName)
        ds.insert(DataElement(tag: .pixelData, vr: .OW, bytes: (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }))
        return (meta, ds, try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds))
    }

    @Test("PS3.10 7 write then open: meta, data set offset and data set come back")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("sub/one.dcm")
        let (meta, ds, body) = try Self.sample()
        try DICOMFile.write(meta: meta, dataSet: body, to: url)
        let file = try DICOMFile(path: url.path)
        #expect(file.header.fileMetaInformation == meta)
        #expect(file.header.dataSetOffset == (try meta.encoded().count))
        #expect(file.size == file.header.dataSetOffset + body.count)
        #expect(try file.readDataSet() == ds)
    }

    @Test("PS3.10 7 the data set streams in chunks of at most the asked size, and rewinds")
    func chunks() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("one.dcm")
        let (meta, _, body) = try Self.sample()
        try DICOMFile.write(meta: meta, dataSet: body, to: url)
        let file = try DICOMFile(path: url.path)
        for _ in 0..<2 {
            var streamed: [UInt8] = []
            while let chunk = try file.nextDataSetChunk(maximumLength: 10_000) {
                #expect(chunk.count <= 10_000)
                streamed += chunk
            }
            #expect(streamed == body)
            try file.rewind()
        }
    }

    @Test("PS3.10 7 a file written chunk by chunk appears only on commit, and reads back")
    func streamedWrite() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("streamed.dcm")
        let (meta, ds, body) = try Self.sample()
        let writer = try DICOMFile.startWriting(meta: meta, to: url)
        for start in stride(from: 0, to: body.count, by: 16_384) {
            try writer.write(body[start..<min(start + 16_384, body.count)])
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try writer.commit()
        #expect(try DICOMFile(path: url.path).readDataSet() == ds)
    }

    @Test("Atomic write: nothing but the destination is left; abort leaves the old file")
    func atomic() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("x.dcm")
        try AtomicFileWriter.write([[1, 2, 3] as [UInt8]], to: url)
        let writer = try AtomicFileWriter(destination: url)
        try writer.write([9, 9] as [UInt8])
        #expect(try Data(contentsOf: url) == Data([1, 2, 3]), "readers never see a partial file")
        writer.abort()
        #expect(try Data(contentsOf: url) == Data([1, 2, 3]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.dcm"])
        try AtomicFileWriter.write([[4] as [UInt8], [5]], to: url)
        #expect(try Data(contentsOf: url) == Data([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.dcm"])
    }

    @Test("A truncated file names itself and the byte offset where it ended")
    func truncated() throws {
        let dir = try TemporaryDirectory()
        let (meta, _, body) = try Self.sample()
        let bytes = try meta.encoded() + body
        let cut = dir.url.appendingPathComponent("cut.dcm")
        try Data(bytes.prefix(bytes.count - 1000)).write(to: cut)
        let file = try DICOMFile(path: cut.path)
        do {
            _ = try file.readDataSet()
            Issue.record("a truncated file decoded")
        } catch {
            #expect(error.path == cut.path)
            let offset = try #require(error.offset)
            #expect(offset >= file.header.dataSetOffset && offset <= bytes.count - 1000)
            #expect(error.description.hasPrefix("\(cut.path): at byte \(offset): "))
        }
        let short = dir.url.appendingPathComponent("short.dcm")
        try Data(bytes.prefix(150)).write(to: short)
        #expect(throws: FileError.self) { try DICOMFile(path: short.path) }
    }

    @Test("Missing files, directories and non-DICOM files give one-line errors")
    func unreadable() throws {
        let dir = try TemporaryDirectory()
        let text = dir.url.appendingPathComponent("notes.txt")
        try Data(String(repeating: "hello ", count: 40).utf8).write(to: text)
        for (path, words) in [(dir.path + "/missing.dcm", "no such file"), (dir.path, "is a directory"), (text.path, "DICM")] {
            do {
                _ = try DICOMFile(path: path)
                Issue.record("\(path) opened")
            } catch {
                #expect(error.description.contains(words), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }
}
