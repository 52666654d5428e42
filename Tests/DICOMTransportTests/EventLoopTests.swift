import Dispatch
import Testing
@testable import DICOMTransport

private actor Counter: LoopBoundActor {
    nonisolated let eventLoop: EventLoop
    private(set) var value = 0
    init(eventLoop: EventLoop) { self.eventLoop = eventLoop }
    func increment() -> Bool {
        value += 1
        return eventLoop.inEventLoop
    }
}

extension TransportTests {
    @Suite("Event loops")
    struct EventLoopTests {
        @Test("execute runs closures from many threads on the loop thread, in submission order per thread")
        func executeFromOtherThreads() {
            let loop = EventLoop(name: "test")
            defer { loop.shutdown() }
            let seen = Collected<(Int, Int, Bool)>()
            let done = DispatchGroup()
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                for i in 0..<250 {
                    done.enter()
                    loop.execute {
                        seen.append((thread, i, loop.inEventLoop))
                        done.leave()
                    }
                }
            }
            #expect(done.wait(timeout: .now() + 5) == .success)
            let values = seen.values
            #expect(values.count == 1000)
            #expect(values.allSatisfy { $0.2 })
            for thread in 0..<4 {
                #expect(values.filter { $0.0 == thread }.map(\.1) == Array(0..<250))
            }
            #expect(!loop.inEventLoop)
        }

        @Test("A LoopBoundActor's jobs run on its loop, and callbacks enter it synchronously")
        func actorExecutor() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let counter = Counter(eventLoop: loop)
            #expect(await counter.increment())
            let entered = try await loop.submit {
                counter.enterFromLoop { counter in
                    _ = counter.increment()
                    return counter.value
                }
            }
            #expect(entered == 2)
            // The standard library's check agrees, through checkIsolated/isIsolatingCurrentContext.
            let assumed = try await loop.submit { counter.assumeIsolated { $0.value } }
            #expect(assumed == 2)
        }

        @Test("shutdown closes the loop's handles, joins its thread and frees its descriptors")
        func shutdownClosesEverything() async throws {
            let before = await descriptorBaseline()
            let group = EventLoopGroup(loopCount: 3)
            #expect(Set(group.loops.map { ObjectIdentifier($0) }).count == 3)
            #expect(ObjectIdentifier(group.next()) == ObjectIdentifier(group.loops[0]))
            #expect(ObjectIdentifier(group.next()) == ObjectIdentifier(group.loops[1]))
            #expect(ObjectIdentifier(group.next()) == ObjectIdentifier(group.loops[2]))
            #expect(ObjectIdentifier(group.next()) == ObjectIdentifier(group.loops[0]))
            let loop = group.loops[1]
            // A repeating timer keeps the loop alive until shutdown closes it.
            try await loop.submit {
                LoopTimer(loop: loop).schedule(after: .milliseconds(1), repeating: .milliseconds(1)) {}
            }
            group.shutdown()
            let ran = Collected<Bool>()
            loop.execute { ran.append(true) }
            #expect(ran.values.isEmpty)
            #expect(await fileDescriptors(settlingAtMost: before) <= before)
        }
    }
}
