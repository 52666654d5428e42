import DICOMTransport

/// Drives an `InstanceWriter` from an event loop: the association hands it data-set chunks as
/// PDVs arrive, and it runs the blocking writes on libuv's thread pool (`BlockingWorkPool`),
/// one batch at a time so the writer is never entered from two threads. Chunks that arrive while
/// a batch is being written are queued and go out together in the next batch.
///
/// Use only on the loop thread. `pendingBytes` is what has been received but not yet written:
/// the association stops reading from the socket above its limit and resumes from `onProgress`,
/// so a slow disk slows the peer instead of filling memory.
public final class PooledInstanceWriter {
    public let writer: InstanceWriter
    public let pool: BlockingWorkPool
    /// Bytes queued or being written.
    public private(set) var pendingBytes = 0
    /// Called on the loop after each batch has been written.
    public var onProgress: (() -> Void)?
    private var queued: [[UInt8]] = []
    private var ending: Ending?
    private var busy = false

    private enum Ending {
        case finish((Result<StoredInstance, StorageError>) -> Void)
        case abort
    }

    public init(writer: InstanceWriter, pool: BlockingWorkPool) {
        self.writer = writer
        self.pool = pool
    }

    public func append(_ chunk: [UInt8]) {
        precondition(ending == nil, "data-set bytes after finish() or abort()")
        pendingBytes += chunk.count
        queued.append(chunk)
        pump()
    }

    /// After the last chunk: `completion` runs on the loop with the outcome, once every queued
    /// chunk is written and the file renamed into place (or the failure cleaned up).
    public func finish(_ completion: @escaping (Result<StoredInstance, StorageError>) -> Void) {
        ending = .finish(completion)
        pump()
    }

    /// The association ended mid-instance: queued chunks are dropped, the temporary file removed.
    public func abort() {
        queued.removeAll()
        ending = .abort
        pump()
    }

    private func pump() {
        guard !busy, !queued.isEmpty || ending != nil else { return }
        let writer = writer
        let batch = queued
        queued.removeAll()
        busy = true
        switch ending {
        case nil:
            pool.submit({ for chunk in batch { writer.append(chunk) } }) { [self] in
                busy = false
                written(batch)
                pump()
            }
        case .finish(let completion)?:
            // The last chunks, flush and rename in one job: one pool round trip fewer per instance.
            pool.submit({
                for chunk in batch { writer.append(chunk) }
                return writer.finish()
            }) { [self] result in
                written(batch)
                completion(result)
            }
        case .abort?:
            pool.submit({ writer.abort() }) { _ in }
        }
    }

    private func written(_ batch: [[UInt8]]) {
        pendingBytes -= batch.reduce(0) { $0 + $1.count }
        onProgress?()
    }
}
