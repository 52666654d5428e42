/// A value shared between threads, guarded by a `PThreadLock`: what other modules use instead
/// of `Synchronization.Mutex`, whose futex-based lock ThreadSanitizer cannot see, so that every
/// `scripts/sanitize.sh thread` report is a real one (docs/reliability.md).
public final class LockedState<Value>: @unchecked Sendable {
    private let lock = PThreadLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<R, Failure: Error>(_ body: (inout Value) throws(Failure) -> R) throws(Failure) -> R {
        let outcome: Result<R, Failure> = lock.withLock { Result { () throws(Failure) -> R in try body(&value) } }
        return try outcome.get()
    }
}
