import DICOMTransport

/// The targets of a sweep still to start, shared by its workers across loops: each claims the
/// next index under a lock and reports what finished, so progress counts are exact.
final class BatchEchoQueue: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var failed = 0
    }

    let total: Int
    private let state = LockedState(State())

    init(total: Int) {
        self.total = total
    }

    /// The next target to echo, or nil when every one has been claimed.
    func claim() -> Int? {
        state.withLock { state in
            guard state.next < total else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// Counts a finished target; returns the counts including it.
    func finished(failed: Bool) -> (done: Int, failed: Int) {
        state.withLock { state in
            state.done += 1
            if failed { state.failed += 1 }
            return (state.done, state.failed)
        }
    }
}
