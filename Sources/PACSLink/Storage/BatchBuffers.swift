/// Spare byte buffers for the write batches of one association's instances
/// (`PooledInstanceWriter`), reused from instance to instance: a fresh buffer of a few hundred
/// kilobytes per batch means a `malloc` large enough to be an `mmap`, page faults on every page
/// first written and an `munmap` after — measured at ~0.5 ms of system time per 0.5 MB instance
/// on this VM, a third of the receiver's CPU. A reused buffer is already mapped and already
/// large enough, so appending to it neither faults nor grows.
///
/// Holds at most `capacity` spares (one filling while one is written), none larger than
/// `maximumRetainedCapacity`. Use only on the association's event loop; `@unchecked Sendable` so
/// the per-association `StorageSCP` (a Sendable value) can carry it there.
public final class BatchBuffers: @unchecked Sendable {
    /// Spares kept: one being filled while one is written covers a single association's
    /// alternating jobs.
    public static let capacity = 2
    /// Larger buffers (a batch that grew while the disk lagged) are released, not kept.
    public static let maximumRetainedCapacity = 4 << 20
    private var spares: [[UInt8]] = []

    public init() {}

    /// An empty buffer, reserved for at least `minimumCapacity` bytes.
    public func take(minimumCapacity: Int) -> [UInt8] {
        var buffer = spares.popLast() ?? []
        buffer.reserveCapacity(minimumCapacity)
        return buffer
    }

    /// Returns a buffer whose bytes have been written; kept if there is room and it is not too large.
    public func recycle(_ buffer: inout [UInt8]) {
        guard spares.count < Self.capacity, buffer.capacity <= Self.maximumRetainedCapacity else {
            buffer = []
            return
        }
        buffer.removeAll(keepingCapacity: true)
        spares.append(buffer)
        buffer = []
    }
}
