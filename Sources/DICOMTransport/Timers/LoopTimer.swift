import CLibUV

/// A one-shot or repeating timer on an event loop, for the PS3.8 §9.1.5 ARTIM timer and the
/// DIMSE and idle timeouts. Use it only on its loop's thread; the handler runs there.
///
/// The libuv timer handle exists only while the timer is scheduled: a one-shot timer closes it
/// when it fires, `cancel()` closes it, so a forgotten timer leaks nothing once it has fired.
/// While scheduled, the handle keeps the timer (and its handler's captures) alive.
public final class LoopTimer: @unchecked Sendable {
    public let loop: EventLoop
    private var handle: UnsafeMutableRawPointer?
    private var handler: (() -> Void)?
    private var repeating = false

    public init(loop: EventLoop) {
        self.loop = loop
    }

    /// A one-shot timer already scheduled: `handler` runs once after `delay`.
    public static func oneShot(
        on loop: EventLoop, after delay: Duration, _ handler: @escaping () -> Void
    ) -> LoopTimer {
        let timer = LoopTimer(loop: loop)
        timer.schedule(after: delay, handler)
        return timer
    }

    /// True while the timer will still fire.
    public var isScheduled: Bool { handle != nil }

    /// (Re)arms the timer: `handler` runs after `delay`, then every `interval` when given.
    /// Replaces any earlier schedule. libuv timers have millisecond resolution (rounded up).
    public func schedule(
        after delay: Duration, repeating interval: Duration? = nil, _ handler: @escaping () -> Void
    ) {
        loop.preconditionInEventLoop()
        let handle = self.handle ?? openHandle()
        self.handler = handler
        repeating = interval != nil
        uv_timer_start(handle.assumingMemoryBound(to: uv_timer_t.self), timerCallback,
                       delay.uvMilliseconds, interval?.uvMilliseconds ?? 0)
    }

    /// Stops the timer; its handler will not run (also when called from the handler itself).
    public func cancel() {
        loop.preconditionInEventLoop()
        guard let handle else { return }
        self.handle = nil
        handler = nil
        uv_timer_stop(handle.assumingMemoryBound(to: uv_timer_t.self))
        LoopHandle.close(handle)
    }

    private func openHandle() -> UnsafeMutableRawPointer {
        let opened = LoopHandle.open(UV_TIMER, owner: self) { raw in
            uv_timer_init(loop.uvLoop, raw.assumingMemoryBound(to: uv_timer_t.self))
        }
        guard case .success(let handle) = opened else {
            preconditionFailure("uv_timer_init cannot fail, yet did")
        }
        self.handle = handle
        return handle
    }

    fileprivate func fire() {
        guard let handler else { return }
        if !repeating { cancel() }
        handler()
    }
}

extension LoopTimer: LoopHandleOwner {
    func handleDidClose(_ closed: UnsafeMutableRawPointer) {
        // Closed by the loop's shutdown (a cancel has already forgotten its handle).
        if handle == closed {
            handle = nil
            handler = nil
        }
    }
}

private let timerCallback: uv_timer_cb = { handle in
    guard let handle else { return }
    LoopHandle.owner(of: UnsafeMutableRawPointer(handle), as: LoopTimer.self).fire()
}

extension Duration {
    /// Whole milliseconds, rounded up so a timer never fires early.
    var uvMilliseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return UInt64(seconds) * 1000 + UInt64((attoseconds + perMillisecond - 1) / perMillisecond)
    }
}
