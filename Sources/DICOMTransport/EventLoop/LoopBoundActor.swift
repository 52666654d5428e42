/// An actor whose executor is an event loop: the shape of every actor that owns a socket.
///
/// Its jobs run on the loop thread, so libuv callbacks (which also run there) can enter it
/// synchronously with `enterFromLoop`, at the cost of a thread comparison (~40 ns) rather than
/// the general `assumeIsolated` check (~130–250 ns; libuv-swift.md).
///
/// ```swift
/// actor Association: LoopBoundActor {
///     nonisolated let eventLoop: EventLoop   // the executor comes with the protocol
/// }
/// ```
public protocol LoopBoundActor: Actor {
    /// The loop whose thread runs this actor; must be the actor's `unownedExecutor`.
    nonisolated var eventLoop: EventLoop { get }
}

extension LoopBoundActor {
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        eventLoop.asUnownedSerialExecutor()
    }

    /// Runs `body` isolated to this actor, synchronously; callable only on the actor's loop
    /// thread (from a libuv callback or a closure given to `execute`). Traps elsewhere.
    @inlinable
    public nonisolated func enterFromLoop<R>(_ body: (isolated Self) throws -> R) rethrows -> R {
        eventLoop.preconditionInEventLoop()
        // The loop is this actor's serial executor and we are on its thread, inside no other
        // job of this actor (callbacks never re-enter a running job): that is isolation.
        return try withoutActuallyEscaping(body) { body in
            let entry = unsafeBitCast(body, to: ((Self) throws -> R).self)
            return try entry(self)
        }
    }
}
