import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import TestSupport
import Testing

@Suite("Storage: PooledInstanceWriter")
struct StoragePooledWriterTests {
    /// Feeds `bytes` from the loop thread in 16 KiB chunks (as PDVs would come) and finishes.
    func store(_ sample: SampleInstance, root: URL) async throws -> (Result<StoredInstance, StorageError>, Int) {
        let loop = EventLoop(name: "storage-test")
        defer { loop.shutdown() }
        let bytes = try sample.encoded()
        let writer = InstanceStore(layout: StorageLayout(root: root)).begin(sample.incoming())
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
}
