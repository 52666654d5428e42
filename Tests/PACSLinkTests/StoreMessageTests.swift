import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import TestSupport
import Testing

extension StoreMessage {
    /// Every PDU of the message, decoded back into the data set it carries (PS3.8 §9.3.5).
    func allDataSetBytes() throws -> [UInt8] {
        var pdus = try Self.bytes(of: takeFirst())
        var isLast = isComplete
        while !isLast {
            let chunk = try next()
            pdus += try Self.bytes(of: chunk.pieces)
            isLast = chunk.isLast
        }
        var decoder = PDUDecoder(maximumPDULength: 1 << 24)
        decoder.feed(pdus)
        var assembler = MessageAssembler()
        var bytes: [UInt8] = []
        var completed = 0
        while let pdu = try decoder.next() {
            guard case .pDataTF(let data) = pdu else { throw ProtocolError(.malformed, field: "PDU", "not a P-DATA-TF") }
            try assembler.consume(data) { event in
                switch event {
                case .command(let id, _, let hasDataSet):
                    #expect(id == contextID && hasDataSet)
                case .dataSetFragment(_, let fragment, _): bytes += fragment
                case .messageComplete: completed += 1
                }
            }
        }
        #expect(completed == 1, "the PDUs hold exactly one message")
        #expect(decoder.bufferedByteCount == 0)
        return bytes
    }

    /// The bytes a channel sends for `pieces`: file spans read from their files.
    static func bytes(of pieces: [OutboundPiece]) throws -> [UInt8] {
        try pieces.flatMap { piece -> [UInt8] in
            switch piece {
            case .bytes(let bytes): return bytes
            case .file(let span):
                let bytes = [UInt8](unsafeUninitializedCapacity: span.count) { buffer, initialized in
                    initialized = max(0, pread(span.descriptor, buffer.baseAddress!, span.count, off_t(span.offset)))
                }
                try #require(bytes.count == span.count, "the span's bytes are in its file")
                return bytes
            }
        }
    }
}

@Suite("Send: a file's C-STORE-RQ as P-DATA-TF PDUs (PS3.7 §9.1.1, PS3.8 §9.3.5)")
struct StoreMessageTests {
    /// The file `SendScanner` reads at `path`.
    private func scanned(_ path: String) throws -> SendFile {
        try #require(SendScanner.scan([path], recursive: false).files.first)
    }

    private func request(_ file: SendFile) -> CStoreRQ {
        CStoreRQ(messageID: 7, affectedSOPClassUID: file.sopClassUID, affectedSOPInstanceUID: file.sopInstanceUID)
    }

    @Test("PS3.8 9.3.5 a small data set is one message in the first PDUs, fragmented within the peer's Maximum Length")
    func small() throws {
        let dir = try TemporaryDirectory()
        let file = try scanned(try writePart10(dir, "a.dcm", instance: "1.2.3.1", length: 100))
        #expect(file.dataSetOffset > 132)
        let message = try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 40)
        #expect(message.isComplete)
        #expect(try message.allDataSetBytes() == [UInt8](repeating: 0x41, count: 100))
    }

    @Test("PS3.8 9.3.5 a data set longer than a chunk goes in chunks, the last one flagged; bytes as in the file")
    func chunked() throws {
        let dir = try TemporaryDirectory()
        let file = try scanned(try writePart10(dir, "b.dcm", instance: "1.2.3.2", length: 250))
        let reads = Reads()
        let message = try StoreMessage(file, request: request(file), contextID: 1, peerMaximumLength: 0, chunkLength: 100) {
            reads.record($0)
        }
        #expect(!message.isComplete)
        #expect(try message.allDataSetBytes() == [UInt8](repeating: 0x41, count: 250))
        #expect(reads.counts == [100, 100, 50])
    }

    @Test("PS3.10 7 a file the scan did not keep: grown after the scan, sent as it is when opened; shrinking while sent, fails")
    func changedFile() throws {
        let dir = try TemporaryDirectory()
        let path = try writePart10(dir, "c.dcm", instance: "1.2.3.3", length: 10)
        var file = try scanned(path)
        #expect(file.preloaded != nil)
        file.preloaded = nil  // as for a file over the preload limit or budget
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([1, 2, 3, 4]))
        let grown = try StoreMessage(file, request: request(file), contextID: 1, peerMaximumLength: 0)
        #expect(grown.dataSetLength == 14)
        #expect(try grown.allDataSetBytes().suffix(4) == [1, 2, 3, 4])

        let shrinking = try StoreMessage(file, request: request(file), contextID: 1, peerMaximumLength: 0, chunkLength: 8)
        try handle.truncate(atOffset: UInt64(file.dataSetOffset + 9))
        try handle.close()
        #expect(throws: FileError.self) { _ = try shrinking.allDataSetBytes() }
    }
}

extension StoreMessageTests {
    /// A file of `length` data-set bytes that the scan did not keep in memory.
    private func unpreloaded(_ dir: TemporaryDirectory, _ name: String, length: Int) throws -> (path: String, file: SendFile) {
        let path = try writePart10(dir, name, instance: "1.2.3.5", length: length)
        var file = try scanned(path)
        file.preloaded = nil
        return (path, file)
    }

    @Test("PS3.8 9.3.5 a large file in the page cache goes as PDU framing and file spans (sendfile), the same bytes as copied PDUs")
    func fileSpans() throws {
        let dir = try TemporaryDirectory()
        let (_, file) = try unpreloaded(dir, "s.dcm", length: 600_000)
        let spans = try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 131_072, fileSpans: true)
        #expect(spans.sendsFileSpans)
        let pieces = spans.takeFirst()
        #expect(pieces.contains { if case .file = $0 { true } else { false } })
        let copied = try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 131_072)
        #expect(!copied.sendsFileSpans)
        #expect(try StoreMessage.bytes(of: pieces) == StoreMessage.bytes(of: copied.takeFirst()))
        let again = try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 131_072, fileSpans: true)
        #expect(try again.allDataSetBytes() == [UInt8](repeating: 0x41, count: 600_000))
    }

    @Test("no file spans for 16 KiB PDUs (a write of framed PDUs costs less) or for a file not in the page cache (the loop must not wait for the disk)")
    func noFileSpans() throws {
        let dir = try TemporaryDirectory()
        let (path, file) = try unpreloaded(dir, "n.dcm", length: 600_000)
        #expect(!(try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 16_384, fileSpans: true).sendsFileSpans))
        // Written back and dropped from the page cache.
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(fsync(descriptor) == 0)
        #expect(posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED) == 0)
        let cold = try StoreMessage(file, request: request(file), contextID: 3, peerMaximumLength: 131_072, fileSpans: true)
        #expect(!cold.sendsFileSpans)
        #expect(try cold.allDataSetBytes() == [UInt8](repeating: 0x41, count: 600_000))
    }
}

extension StoreMessageTests {
    @Test("a small file is read whole by the scan and sent as scanned, even if it changes or goes afterwards")
    func preloadedFile() throws {
        let dir = try TemporaryDirectory()
        let path = try writePart10(dir, "p.dcm", instance: "1.2.3.4", length: 300)
        let file = try scanned(path)
        #expect(file.preloadedDataSet.map(Array.init) == [UInt8](repeating: 0x41, count: 300))
        try FileManager.default.removeItem(atPath: path)
        let message = try StoreMessage(file, request: request(file), contextID: 1, peerMaximumLength: 0, chunkLength: 128)
        #expect(message.dataSetLength == 300)
        #expect(try message.allDataSetBytes() == [UInt8](repeating: 0x41, count: 300))
    }

    @Test("files over the preload limit, and small files past the scan's budget, are read again when sent")
    func preloadLimits() throws {
        let dir = try TemporaryDirectory()
        let large = try scanned(try writePart10(dir, "l.dcm", instance: "1.2.3.5", length: SendScanner.preloadLimit + 2))
        #expect(large.preloaded == nil)
        #expect(large.dataSetLength == SendScanner.preloadLimit + 2)
        let small = try writePart10(dir, "s.dcm", instance: "1.2.3.6", length: 100)
        var budget = 50
        guard case .file(let overBudget) = SendScanner.read(small, budget: &budget) else {
            Issue.record("not read")
            return
        }
        #expect(overBudget.preloaded == nil && budget == 50)
        budget = 1000
        guard case .file(let kept) = SendScanner.read(small, budget: &budget) else {
            Issue.record("not read")
            return
        }
        #expect(kept.preloadedDataSet?.count == 100)
        #expect(budget == 1000 - (kept.preloaded?.bytes.count ?? 0))
    }
}

/// The byte counts a `StoreMessage` reported, in order.
private final class Reads: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []
    func record(_ count: Int) { lock.withLock { recorded.append(count) } }
    var counts: [Int] { lock.withLock { recorded } }
}
