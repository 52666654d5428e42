import Foundation

/// The C-STOREs of one association that were sent and not yet answered, when the association
/// calls back with each response (`StoreAssociation.start`) instead of resuming a task per
/// C-STORE: the outcomes that came in, and the sender waiting for room in the operations
/// window (PS3.7 §D.3.3.3).
///
/// Responses arrive on the association's loop, usually in bursts (one read holds many); the
/// first of a burst wakes the waiting sender, which then takes every outcome that came and
/// fills the window again — one wake-up per burst rather than a task per C-STORE.
final class OutstandingStores: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var done: [(index: Int, outcome: StoreSCU.StoreOutcome)] = []
    private var waiter: (limit: Int, continuation: CheckedContinuation<Void, Never>)?

    /// A C-STORE went out; its outcome is due.
    func started() {
        lock.withLock { count += 1 }
    }

    /// The outcome of the C-STORE of file `index`.
    func finished(_ index: Int, _ outcome: StoreSCU.StoreOutcome) {
        let wake: CheckedContinuation<Void, Never>? = lock.withLock {
            count -= 1
            done.append((index, outcome))
            guard let waiter, count < waiter.limit else { return nil }
            self.waiter = nil
            return waiter.continuation
        }
        wake?.resume()
    }

    /// Returns once fewer than `limit` C-STOREs are outstanding (at once when they are); runs
    /// on the caller's executor (the association's loop), without a hop.
    nonisolated(nonsending) func wait(untilBelow limit: Int) async {
        if lock.withLock({ count < limit }) { return }
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if count < limit { return true }
                waiter = (limit, continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// The outcomes that came since the last call, in the order they came.
    func takeDone() -> [(index: Int, outcome: StoreSCU.StoreOutcome)] {
        lock.withLock {
            defer { done = [] }
            return done
        }
    }
}
