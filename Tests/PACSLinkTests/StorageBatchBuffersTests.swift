import PACSLink
import Testing

@Suite("Storage: BatchBuffers")
struct StorageBatchBuffersTests {
    @Test("A written batch's buffer is handed out again, emptied, with its capacity: no new allocation per batch")
    func reused() {
        let buffers = BatchBuffers()
        var first = buffers.take(minimumCapacity: 1000)
        first.append(contentsOf: repeatElement(7, count: 300_000))
        let capacity = first.capacity
        let storage = first.withUnsafeBufferPointer { $0.baseAddress }
        buffers.recycle(&first)
        #expect(first.isEmpty)
        let second = buffers.take(minimumCapacity: 1000)
        #expect(second.isEmpty)
        #expect(second.capacity == capacity)
        #expect(second.withUnsafeBufferPointer { $0.baseAddress } == storage)
    }

    @Test("At most two spares are kept, none above 4 MiB")
    func bounded() {
        let buffers = BatchBuffers()
        var large = [UInt8](repeating: 0, count: BatchBuffers.maximumRetainedCapacity + 1)
        buffers.recycle(&large)
        #expect(buffers.take(minimumCapacity: 0).capacity == 0)
        var spares = (0..<3).map { _ in [UInt8](repeating: 1, count: 100_000) }
        for index in spares.indices { buffers.recycle(&spares[index]) }
        let kept = (0..<3).map { _ in buffers.take(minimumCapacity: 0).capacity }
        #expect(kept.filter { $0 >= 100_000 }.count == BatchBuffers.capacity)
    }
}
