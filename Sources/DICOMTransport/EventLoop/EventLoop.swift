import CLibUV
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libuv loop running on its own thread, and the serial executor of every actor bound to it.
///
/// Everything that touches the loop's handles runs on that thread. Other threads reach it only
/// through `enqueue`/`execute`, which append to a locked queue and wake the loop with
/// `uv_async_send` (libuv's one thread-safe call). Actors that own sockets return
/// `asUnownedSerialExecutor()` as their `unownedExecutor` (see `LoopBoundActor`), so libuv
/// callbacks enter them synchronously with no hop.
public final class EventLoop: SerialExecutor, @unchecked Sendable, CustomStringConvertible {
    private enum Job {
        case swift(UnownedJob)
        case closure(() -> Void)
    }

    /// The libuv loop; use only on the loop thread.
    let uvLoop: UnsafeMutablePointer<uv_loop_t>
    public let name: String
    /// The one buffer every TCP read on this loop lands in: libuv calls a stream's allocation
    /// and read callbacks back to back on this thread, and a delegate must copy what it keeps,
    /// so a connection costs no read memory while idle. 256 KiB, one PDU at the storage
    /// listener's Maximum Length: a bulk transfer takes a quarter of the reads 64 KiB took.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
    /// The async handle that wakes the loop; valid until shutdown closes it.
    private var wakeup: UnsafeMutableRawPointer?
    private let lock = PThreadLock()
    /// Guarded by `lock`.
    private var pending: [Job] = []
    /// Guarded by `lock`: false once shutdown has begun; later jobs are dropped.
    private var accepting = true
    /// Loop thread only: true while `drain` runs jobs.
    private var isDraining = false
    /// Loop thread only: jobs the loop thread submitted while draining; `drain` runs them
    /// before it returns. An executor switch on the loop (a continuation resumed, a task
    /// entering an actor bound to the loop and leaving it) then costs no wake-up: measured
    /// with `pacslink send`, 6 wake-ups (eventfd write, `epoll_wait`, eventfd read) per
    /// C-STORE were switches of this kind.
    private var local: [Job] = []
    /// Rounds of locally submitted jobs one `drain` runs before it leaves the rest for the
    /// next wake-up, so that I/O is never starved by jobs that keep re-queueing themselves.
    private static let drainRounds = 64
    /// Loop thread only: above zero while writes are coalesced — during a `drain` and during a
    /// channel's read callback. Writes then collect per channel and go to the kernel together
    /// when the outermost of these ends: a turn that answers or sends several DIMSE messages
    /// (an operations window, a read holding several requests) costs one `write(2)` per
    /// channel instead of one per message, and each `write(2)` on loopback also runs the
    /// peer's receive path.
    private var coalescingDepth = 0
    /// Loop thread only: channels holding coalesced bytes, flushed when coalescing ends.
    private var unflushed: [TCPChannel] = []
    /// Written once by the loop thread before `init` returns; read-only afterwards.
    private var threadID = pthread_t()
    private var thread = pthread_t()
    private var joined = false
    /// Loop thread only: set when shutdown starts closing every handle, so their owners can
    /// tell their users why.
    private(set) var isShuttingDown = false

    /// Starts a loop on a new thread; returns once the thread is running.
    public init(name: String = "EventLoop") {
        _ = EventLoop.ignoreBrokenPipes
        self.name = name
        uvLoop = .allocate(capacity: 1)
        let status = uv_loop_init(uvLoop)
        precondition(status == 0, "uv_loop_init failed: \(LibUVStatus(status))")
        let opened = LoopHandle.open(UV_ASYNC, owner: self) { raw in
            uv_async_init(uvLoop, raw.assumingMemoryBound(to: uv_async_t.self), wakeupCallback)
        }
        guard case .success(let handle) = opened else { preconditionFailure("uv_async_init failed") }
        wakeup = handle
        let started = DispatchSemaphore(value: 0)
        let context = Unmanaged.passRetained(StartContext(loop: self, started: started)).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let start = Unmanaged<StartContext>.fromOpaque(context!).takeRetainedValue()
            start.loop.run(signalling: start.started)
            return nil
        }, context)
        precondition(created == 0, "pthread_create failed: \(created)")
        started.wait()
    }

    deinit {
        readBuffer.deallocate()
    }

    public var description: String { "EventLoop(\(name))" }

    /// libuv writes to sockets with `write(2)`, which raises SIGPIPE when the peer has gone;
    /// its default action would kill the process. Ignored once, process-wide, so the write
    /// fails with EPIPE and only that channel closes.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// True when called on this loop's thread: the cheap check (a thread comparison) that
    /// libuv callbacks use before entering a loop-bound actor.
    @inline(__always)
    public var inEventLoop: Bool { pthread_equal(pthread_self(), threadID) != 0 }

    /// Traps unless called on this loop's thread.
    @inline(__always)
    public func preconditionInEventLoop(file: StaticString = #fileID, line: UInt = #line) {
        precondition(inEventLoop, "not on \(self)", file: file, line: line)
    }

    // MARK: SerialExecutor

    /// Jobs queued before `shutdown()` still run; a job enqueued after it never does, so shut a
    /// loop down only after the actors bound to it have finished.
    public func enqueue(_ job: consuming ExecutorJob) {
        submit(.swift(UnownedJob(job)))
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    public func checkIsolated() {
        preconditionInEventLoop()
    }

    public func isIsolatingCurrentContext() -> Bool? {
        inEventLoop
    }

    // MARK: Running work

    /// Runs `body` on the loop thread, after the jobs already queued. Callable from any thread,
    /// including the loop's own (the body then runs on a later turn, never re-entrantly).
    /// Returns false, and drops `body`, once the loop is shutting down.
    @discardableResult
    public func execute(_ body: @escaping @Sendable () -> Void) -> Bool {
        submit(.closure(body))
    }

    /// Runs `body` on the loop thread and returns its result to an async caller; throws
    /// `TransportError` `.cancelled` when the loop is shutting down.
    public func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = execute { continuation.resume(with: Result { try body() }) }
            if !accepted { continuation.resume(throwing: shutDownError(during: .connect)) }
        }
    }

    /// Starts a callback-style operation on the loop thread and awaits its one completion
    /// (the async forms of `TCPChannel.connect`, `TLSChannel.connect`, `NameResolver.resolve`).
    func awaitCompletion<T: Sendable>(
        _ start: @escaping @Sendable (_ completion: @escaping (Result<T, TransportError>) -> Void) -> Void
    ) async throws(TransportError) -> T {
        let result = await withCheckedContinuation { continuation in
            let accepted = execute { start { continuation.resume(returning: $0) } }
            if !accepted { continuation.resume(returning: .failure(shutDownError(during: .connect))) }
        }
        return try result.get()
    }

    /// What operations cut short by the shutdown report.
    func shutDownError(during phase: TransportError.Phase) -> TransportError {
        TransportError(phase: phase, kind: .cancelled, detail: "\(self) is shut down")
    }

    /// The wake-up is sent under the lock: once shutdown has set `accepting` to false no thread
    /// can touch the async handle, which the loop is about to close and free. A job the loop
    /// thread submits while draining needs no wake-up: the drain runs it.
    @discardableResult
    private func submit(_ job: Job) -> Bool {
        let runsInThisDrain = inEventLoop && isDraining
        return lock.withLock {
            guard accepting, let wakeup else { return false }
            if runsInThisDrain {
                local.append(job)
            } else {
                pending.append(job)
                uv_async_send(wakeup.assumingMemoryBound(to: uv_async_t.self))
            }
            return true
        }
    }

    // MARK: Coalescing writes

    /// True while writes on this loop's channels are coalesced (loop thread only).
    var isCoalescingWrites: Bool { coalescingDepth > 0 }

    /// Runs `body` with writes coalesced; the outermost call flushes them when `body` returns.
    func coalescingWrites<T>(_ body: () throws -> T) rethrows -> T {
        coalescingDepth += 1
        defer {
            coalescingDepth -= 1
            if coalescingDepth == 0 { flushCoalescedWrites() }
        }
        return try body()
    }

    /// `channel` holds coalesced bytes: flush it when coalescing ends.
    func channelHasCoalescedWrites(_ channel: TCPChannel) {
        unflushed.append(channel)
    }

    /// Hands every channel's coalesced bytes to the kernel (or libuv's queue). A flush that
    /// fails a channel or changes its writability tells its delegate, whose writes then go out
    /// directly (coalescing has ended).
    private func flushCoalescedWrites() {
        while !unflushed.isEmpty {
            let channels = unflushed
            unflushed.removeAll(keepingCapacity: true)
            for channel in channels { channel.flushCoalescedWrites() }
        }
    }

    /// Runs the jobs queued so far, then those they submit, for up to `drainRounds` rounds;
    /// what is left then waits for the next wake-up. Writes are coalesced meanwhile.
    fileprivate func drain() {
        coalescingWrites { drainJobs() }
    }

    private func drainJobs() {
        isDraining = true
        defer { isDraining = false }
        var jobs = lock.withLock { () -> [Job] in
            let jobs = pending
            pending.removeAll(keepingCapacity: true)
            return jobs
        }
        for _ in 0..<Self.drainRounds {
            for job in jobs { run(job) }
            jobs = lock.withLock { () -> [Job] in
                defer { local.removeAll(keepingCapacity: true) }
                return local
            }
            if jobs.isEmpty { return }
        }
        lock.withLock {
            guard accepting, let wakeup else { return }
            pending.insert(contentsOf: jobs, at: 0)
            uv_async_send(wakeup.assumingMemoryBound(to: uv_async_t.self))
        }
    }

    /// A job runs isolated to the loop as serial executor (actors bound to it) and with the
    /// loop as its task executor (tasks that prefer it): run as serial-executor jobs only,
    /// child tasks preferring the loop that entered an actor bound to it hung now and then
    /// (`pacslink send` with an operations window: every thread idle, a C-STORE never started).
    private func run(_ job: Job) {
        switch job {
        case .swift(let job): job.runSynchronously(isolatedTo: asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
        case .closure(let body): body()
        }
    }

    // MARK: Shutdown

    /// Stops accepting work, closes every handle on the loop (their owners hear that they
    /// closed), lets the loop finish and joins its thread. Call once, from another thread.
    public func shutdown() {
        precondition(!inEventLoop, "\(self).shutdown() called on its own thread")
        guard !joined else { return }
        execute { [self] in beginShutdown() }
        pthread_join(thread, nil)
        joined = true
    }

    private func beginShutdown() {
        let remaining = lock.withLock { () -> [Job] in
            accepting = false
            defer {
                local.removeAll()
                pending.removeAll()
            }
            return local + pending
        }
        for job in remaining { run(job) }
        isShuttingDown = true
        closeAllHandles()
    }

    private func closeAllHandles() {
        uv_walk(uvLoop, { handle, _ in
            guard let handle, uv_is_closing(handle) == 0 else { return }
            LoopHandle.close(UnsafeMutableRawPointer(handle))
        }, nil)
    }

    private func run(signalling started: DispatchSemaphore) {
        threadID = pthread_self()
        started.signal()
        uv_run(uvLoop, UV_RUN_DEFAULT)
        // Owners closed by the walk may have opened handles from their close callbacks.
        while uv_loop_close(uvLoop) == UV_EBUSY.rawValue {
            closeAllHandles()
            uv_run(uvLoop, UV_RUN_DEFAULT)
        }
        uvLoop.deallocate()
    }
}

/// A loop is also a task executor: a task that prefers it (`Task(executorPreference:)`,
/// `addTask(executorPreference:)`) runs its nonisolated code on the loop thread, and — what
/// matters for speed — resumes there from a continuation. The Swift runtime resumes every
/// continuation on the generic executor (the global pool) unless the task has a preference,
/// and each such resumption costs a wake-up of another thread before the hop back to the loop
/// (measured: one per DIMSE response, three per association churned).
extension EventLoop: TaskExecutor {}

extension EventLoop: LoopHandleOwner {
    func handleDidClose(_ handle: UnsafeMutableRawPointer) { wakeup = nil }
}

private final class StartContext {
    let loop: EventLoop
    let started: DispatchSemaphore
    init(loop: EventLoop, started: DispatchSemaphore) {
        self.loop = loop
        self.started = started
    }
}

private let wakeupCallback: uv_async_cb = { handle in
    guard let handle else { return }
    LoopHandle.owner(of: UnsafeMutableRawPointer(handle), as: EventLoop.self).drain()
}
