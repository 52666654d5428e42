import DICOMProtocol
import Foundation
import PACSLink
import TestSupport
import Testing

@Suite("Send: a file's data set in chunks (PS3.10 §7)")
struct DataSetChunksTests {
    /// The file `SendScanner` reads at `path`.
    private func scanned(_ path: String) throws -> SendFile {
        try #require(SendScanner.scan([path], recursive: false).files.first)
    }

    @Test("PS3.10 7 a prefetched small data set is handed out whole, without a read for its end")
    func smallPrefetched() throws {
        let dir = try TemporaryDirectory()
        let file = try scanned(try writePart10(dir, "a.dcm", instance: "1.2.3.1", length: 100))
        let chunks = try DataSetChunks(file)
        #expect(!chunks.isComplete)
        try chunks.prefetch()
        #expect(!chunks.isComplete, "a prefetched chunk not yet handed out")
        #expect(try chunks.next() == [UInt8](repeating: 0x41, count: 100))
        #expect(chunks.isComplete)
        #expect(try chunks.next() == nil)
    }

    @Test("PS3.10 7 a data set longer than a chunk is not complete after its first; chunks respect the maximum")
    func largeInPieces() throws {
        let dir = try TemporaryDirectory()
        let file = try scanned(try writePart10(dir, "b.dcm", instance: "1.2.3.2", length: 250))
        let chunks = try DataSetChunks(file)
        try chunks.prefetch(maximumLength: 100)
        #expect(try chunks.next(maximumLength: 60)?.count == 60, "the prefetched chunk, cut to the maximum")
        #expect(try chunks.next(maximumLength: 60)?.count == 40, "its rest")
        #expect(!chunks.isComplete)
        var rest: [UInt8] = []
        while let chunk = try chunks.next(maximumLength: 100) { rest += chunk }
        #expect(rest.count == 150)
        #expect(chunks.isComplete)
    }

    @Test("PS3.10 7 a file that grew after the scan is not taken as complete")
    func grownFile() throws {
        let dir = try TemporaryDirectory()
        let path = try writePart10(dir, "c.dcm", instance: "1.2.3.3", length: 10)
        let file = try scanned(path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([1, 2, 3, 4]))
        try handle.close()
        let chunks = try DataSetChunks(file)
        try chunks.prefetch()
        #expect(try chunks.next()?.count == 14)
        #expect(!chunks.isComplete)
        #expect(try chunks.next() == nil)
    }
}
