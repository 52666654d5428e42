import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import TestSupport
import Testing

@Suite("Storage: PooledInstanceWriter")
struct StoragePooledWriterTests {
    /// Feeds `bytes` from the loop thread in 16 KiB chunks (as PDVs would come) and finishes.
    func store(
        _ sample: SampleInstance, root: URL, fileSystem: any FileSystem = POSIXFileSystem()
    ) async throws -> (Result<StoredInstance, StorageError>, Int) {
        let loop = EventLoop(name: "storage-test")
        defer { loop.shutdown() }
        let bytes = try sample.encoded()
        let writer = InstanceStore(layout: StorageLayout(root: root), fileSystem: fileSystem).begin(sample.incoming())
        return await withCheckedContinuation { continuation in
            loop.execute {
                let pooled = PooledInstanceWriter(writer: writer, pool: BlockingWorkPool(loop: loop))
                var maximumPending = 0
                for start in stride(from: 0, to: bytes.count, by: 16_384) {
                    pooled.append(bytes[start..<min(start + 16_384, bytes.count)])
                    maximumPending = max(maximumPending, pooled.pendingBytes)
                }
                pooled.finish { continuation.resume(returning: ($0, maximumPending)) }
            }
        }
    }

    @Test("Chunks handed over on the loop are written on the thread pool, in order, and the file renamed into place")
    func streamed() async throws {
        let root = try TemporaryDirectory()
        let sample = SampleInstance(pixelBytes: 1_000_000)
        let (result, maximumPending) = try await store(sample, root: root.url)
        let stored = try result.get()
        var onDisk: [UInt8] = []
        let file = try DICOMFile(path: stored.file)
        while let chunk = try file.nextDataSetChunk() { onDisk += chunk }
        #expect(onDisk == (try sample.encoded()))
        #expect(maximumPending > 0)
        #expect(files(under: root.url).count == 1)
    }

    @Test("PDVs are coalesced: a 300 KB data set in 16 KiB PDVs takes 3 writes (File Meta Information and two batches), not one per PDV")
    func coalesced() async throws {
        let root = try TemporaryDirectory()
        let counting = CountingFileSystem()
        let sample = SampleInstance(pixelBytes: 300_000)
        let (result, _) = try await store(sample, root: root.url, fileSystem: counting)
        let stored = try result.get()
        #expect(counting.count(of: .write) == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stored.file)).count == stored.size)
    }

    @Test("Folders are created only when the temporary file cannot be opened for want of them: once per series")
    func directoryOncePerSeries() async throws {
        let root = try TemporaryDirectory()
        let counting = CountingFileSystem()
        var sample = SampleInstance(pixelBytes: 1000)
        _ = try await store(sample, root: root.url, fileSystem: counting).0.get()
        sample.sopInstanceUID += "1"
        _ = try await store(sample, root: root.url, fileSystem: counting).0.get()
        #expect(counting.count(of: .createDirectory) == 1)
        #expect(counting.count(of: .createFile) == 3)  // ENOENT once, then one per instance
        #expect(files(under: root.url).count == 2)
    }
}

/// `POSIXFileSystem` that counts its calls (from any thread).
final class CountingFileSystem: FileSystem, @unchecked Sendable {
    enum Call: Hashable { case createDirectory, createFile, write }
    private let real = POSIXFileSystem()
    private let lock = NSLock()
    private var counts: [Call: Int] = [:]

    func count(of call: Call) -> Int { lock.withLock { counts[call, default: 0] } }
    private func note(_ call: Call) { lock.withLock { counts[call, default: 0] += 1 } }

    func createDirectory(atPath path: String) throws(FileError) {
        note(.createDirectory)
        try real.createDirectory(atPath: path)
    }
    func createFile(atPath path: String) throws(FileError) -> Int32 {
        note(.createFile)
        return try real.createFile(atPath: path)
    }
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError) {
        note(.write)
        try real.write(descriptor, bytes, path: path)
    }
    func synchronize(_ descriptor: Int32, path: String) throws(FileError) { try real.synchronize(descriptor, path: path) }
    func close(_ descriptor: Int32, path: String) throws(FileError) { try real.close(descriptor, path: path) }
    func rename(_ source: String, to destination: String) throws(FileError) { try real.rename(source, to: destination) }
    func removeFile(atPath path: String) { real.removeFile(atPath: path) }
    func synchronizeDirectory(atPath path: String) { real.synchronizeDirectory(atPath: path) }
}
