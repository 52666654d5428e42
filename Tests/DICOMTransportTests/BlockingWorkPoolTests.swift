import DICOMTransport
import Dispatch
import Testing

@Suite("DICOMTransport: BlockingWorkPool")
struct BlockingWorkPoolTests {
    @Test("Work runs on libuv's thread pool, its completion back on the loop thread")
    func threads() async {
        let loop = EventLoop(name: "work-pool-test")
        defer { loop.shutdown() }
        let pool = BlockingWorkPool(loop: loop)
        let onLoop: (work: Bool, completion: Bool) = await withCheckedContinuation { continuation in
            loop.execute {
                pool.submit({ loop.inEventLoop }) { workOnLoop in
                    continuation.resume(returning: (workOnLoop, loop.inEventLoop))
                }
            }
        }
        #expect(onLoop.work == false)
        #expect(onLoop.completion == true)
    }

    @Test("1,000 items all complete with their own results")
    func many() async {
        let loop = EventLoop(name: "work-pool-test")
        defer { loop.shutdown() }
        let pool = BlockingWorkPool(loop: loop)
        let results = await withTaskGroup(of: Int.self) { group in
            for i in 0..<1000 { group.addTask { await pool.run { i * i } } }
            return await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(results == Set((0..<1000).map { $0 * $0 }))
    }

    @Test("The loop keeps running while a work item blocks")
    func loopNotBlocked() async {
        let loop = EventLoop(name: "work-pool-test")
        defer { loop.shutdown() }
        let pool = BlockingWorkPool(loop: loop)
        let release = DispatchSemaphore(value: 0)
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let blocked = Task {
            await pool.run { startedContinuation.yield(); return release.wait(timeout: .now() + 60) == .success }
        }
        // Awaited, not waited for: blocking a cooperative thread here could starve the task above.
        for await _ in started { break }
        // The item above now holds a pool thread until released; the loop still answers.
        let answered = await withCheckedContinuation { continuation in loop.execute { continuation.resume(returning: true) } }
        #expect(answered)
        release.signal()
        #expect(await blocked.value)
    }
}
