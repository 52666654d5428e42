import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of event loops, one thread each, handed out round robin to new connections.
public final class EventLoopGroup: @unchecked Sendable {
    public let loops: [EventLoop]
    private let lock = PThreadLock()
    /// Guarded by `lock`.
    private var nextIndex = 0

    /// Starts `count` loops (by default one per core).
    public init(loopCount count: Int = EventLoopGroup.coreCount, name: String = "loop") {
        precondition(count > 0, "an EventLoopGroup needs at least one loop")
        loops = (0..<count).map { EventLoop(name: "\(name)-\($0)") }
    }

    /// The number of cores this process may use.
    public static var coreCount: Int { max(1, Int(uv_available_parallelism())) }

    /// The next loop in round-robin order.
    public func next() -> EventLoop {
        lock.withLock {
            defer { nextIndex = (nextIndex + 1) % loops.count }
            return loops[nextIndex]
        }
    }

    /// Shuts every loop down (closing all their handles) and joins their threads.
    public func shutdown() {
        for loop in loops { loop.shutdown() }
    }
}
