import DICOMProtocol
import Foundation
import Testing
import TestSupport

@testable import PACSLink

#if canImport(Glibc)
import CPACSLinkShims
import Glibc

/// `FileWriteMode.direct` (`AtomicFileWriter`): `O_DIRECT` in whole aligned blocks, the last
/// partial block through the page cache, the same bytes and the same atomicity as buffered.
@Suite("Direct writes (O_DIRECT)")
struct DirectWriteTests {
    /// The sizes around a block and the staging buffer, in chunks of any size.
    @Test("direct: every size comes back byte for byte, written in chunks of any size; only the destination is left",
          arguments: [0, 1, 4_095, 4_096, 4_097, (256 << 10) - 1, 256 << 10, (256 << 10) + 1, 600_000])
    func roundTrip(size: Int) throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("d.dcm")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 12) }
        var rng = SeededGenerator(seed: UInt64(size))
        let writer = try AtomicFileWriter(destination: url, flush: .none, mode: .direct)
        var start = 0
        while start < size {
            let end = min(size, start + Int.random(in: 1...300_000, using: &rng))
            try writer.write(bytes[start..<end])
            start = end
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try writer.commit()
        #expect(try Data(contentsOf: url) == Data(bytes))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["d.dcm"])
    }

    @Test("direct: opened O_DIRECT where the file system allows it; only whole aligned blocks from aligned memory while it is on")
    func alignedWrites() throws {
        let dir = try TemporaryDirectory()
        let recorder = RecordingFileSystem()
        let bytes = [UInt8](repeating: 0x5A, count: 600_000)
        let writer = try AtomicFileWriter(
            destination: dir.url.appendingPathComponent("r.dcm"), flush: .fileAndDirectory, mode: .direct, fileSystem: recorder)
        try writer.write(bytes[..<1_000])
        try writer.write(bytes[1_000...])
        try writer.commit()
        let writes = recorder.writes
        #expect(writes.map(\.count).reduce(0, +) == bytes.count)
        for write in writes where write.direct {
            #expect(write.count % AtomicFileWriter.directAlignment == 0 && write.address % AtomicFileWriter.directAlignment == 0)
        }
        // 600,000 = 146 whole blocks and 2,816 bytes: the partial block goes last, buffered.
        #expect(writes.last.map { !$0.direct && $0.count == 600_000 % 4_096 } == true)
        if Self.fileSystemAllowsDirectIO(dir.path) {
            #expect(writes.dropLast().allSatisfy { $0.direct })
        }
    }

    @Test("direct: a disk that fills mid-file leaves no file behind, and the error says so")
    func fullDisk() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("f.dcm")
        let writer = try AtomicFileWriter(
            destination: url, flush: .none, mode: .direct, fileSystem: FaultyFileSystem(failing: .write, code: ENOSPC))
        #expect(throws: FileError.self) { try writer.write([UInt8](repeating: 1, count: 300_000)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Whether `open(O_DIRECT)` works in `directory` (tmpfs before Linux 6.6 refuses it).
    static func fileSystemAllowsDirectIO(_ directory: String) -> Bool {
        let path = directory + "/.probe"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | pacslink_O_DIRECT, 0o644)
        defer { unlink(path) }
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }
}

/// `POSIXFileSystem` recording each write: its size, its buffer's address and whether the
/// descriptor had `O_DIRECT` on.
final class RecordingFileSystem: FileSystem, @unchecked Sendable {
    struct Write {
        var count: Int
        var address: Int
        var direct: Bool
    }
    private let real = POSIXFileSystem()
    private let lock = NSLock()
    private var recorded: [Write] = []
    var writes: [Write] { lock.withLock { recorded } }

    func createDirectory(atPath path: String) throws(FileError) { try real.createDirectory(atPath: path) }
    func createFile(atPath path: String) throws(FileError) -> Int32 { try real.createFile(atPath: path) }
    func createFile(atPath path: String, direct: Bool) throws(FileError) -> Int32 {
        try real.createFile(atPath: path, direct: direct)
    }
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError) {
        let direct = fcntl(descriptor, F_GETFL) & pacslink_O_DIRECT != 0
        lock.withLock { recorded.append(Write(count: bytes.count, address: Int(bitPattern: bytes.baseAddress), direct: direct)) }
        try real.write(descriptor, bytes, path: path)
    }
    func synchronize(_ descriptor: Int32, path: String) throws(FileError) { try real.synchronize(descriptor, path: path) }
    func close(_ descriptor: Int32, path: String) throws(FileError) { try real.close(descriptor, path: path) }
    func endDirectIO(_ descriptor: Int32, path: String) throws(FileError) { try real.endDirectIO(descriptor, path: path) }
    func rename(_ source: String, to destination: String) throws(FileError) { try real.rename(source, to: destination) }
    func removeFile(atPath path: String) { real.removeFile(atPath: path) }
    func synchronizeDirectory(atPath path: String) { real.synchronizeDirectory(atPath: path) }
}
#endif
