import CLibUV

/// Runs blocking work (file writes, `fsync`, `rename`) on libuv's thread pool with
/// `uv_queue_work`, and delivers each result back on the event loop — so a loop thread never
/// blocks on a disk, and the code that asked continues on its own loop with no extra hop.
///
/// libuv's pool is shared by the whole process (4 threads unless `UV_THREADPOOL_SIZE` says
/// otherwise, read once at first use) and also serves `uv_getaddrinfo`; items run in any order
/// and concurrently. Work for one file must therefore be submitted one item after another (the
/// next from the previous one's completion), never several at once.
public struct BlockingWorkPool: Sendable {
    public let loop: EventLoop

    public init(loop: EventLoop) { self.loop = loop }

    /// Queues `work` on the thread pool; `completion` then runs on the loop thread with its
    /// result. Call on the loop thread (`uv_queue_work` is not thread-safe).
    public func submit<T: Sendable>(_ work: @escaping @Sendable () -> T, completion: @escaping (T) -> Void) {
        loop.preconditionInEventLoop()
        let request = UnsafeMutablePointer<uv_work_t>.allocate(capacity: 1)
        request.pointee.data = Unmanaged.passRetained(WorkItem(work, completion) as AnyWorkItem).toOpaque()
        let status = uv_queue_work(loop.uvLoop, request, workCallback, afterWorkCallback)
        // libuv refuses only a NULL work callback.
        precondition(status == 0, "uv_queue_work failed: \(LibUVStatus(status))")
    }

    /// Runs `work` on the thread pool and returns its result to an async caller (by way of the
    /// loop). Must not be awaited once the loop has begun shutting down: the request would be
    /// dropped and the caller never resumed.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            loop.execute { [self] in submit(work) { continuation.resume(returning: $0) } }
        }
    }
}

/// Type-erased so the C callbacks, which cannot be generic, can drive any `WorkItem<T>`.
private class AnyWorkItem: @unchecked Sendable {
    func runOnPool() {}
    func completeOnLoop() {}
}

/// `result` is written on a pool thread and read on the loop thread; libuv orders the two (the
/// pool thread hands the request back through a mutex-guarded queue and an async wake-up).
private final class WorkItem<T: Sendable>: AnyWorkItem, @unchecked Sendable {
    private let work: @Sendable () -> T
    private let completion: (T) -> Void
    private var result: T?

    init(_ work: @escaping @Sendable () -> T, _ completion: @escaping (T) -> Void) {
        self.work = work
        self.completion = completion
    }

    override func runOnPool() { result = work() }

    override func completeOnLoop() {
        if let result { completion(result) }
    }
}

private let workCallback: uv_work_cb = { request in
    guard let request else { return }
    Unmanaged<AnyWorkItem>.fromOpaque(request.pointee.data).takeUnretainedValue().runOnPool()
}

/// `status` is UV_ECANCELED only for a `uv_cancel`led request, which this pool never makes; the
/// item's +1 and the request's memory are released here, and nowhere else.
private let afterWorkCallback: uv_after_work_cb = { request, _ in
    guard let request else { return }
    let item = Unmanaged<AnyWorkItem>.fromOpaque(request.pointee.data).takeRetainedValue()
    request.deallocate()
    item.completeOnLoop()
}
