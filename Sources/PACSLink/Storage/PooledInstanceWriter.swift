import DICOMTransport

/// Drives an `InstanceWriter` from an event loop: the association hands it data-set fragments
/// as PDVs arrive, and it runs the blocking writes on libuv's thread pool (`BlockingWorkPool`),
/// one job at a time so the writer is never entered from two threads.
///
/// Fragments are copied into one contiguous buffer and written in few, large jobs: a job starts
/// once `batchLength` bytes are held (and no job is running), and the last one carries the rest
/// together with the flush and rename. An instance up to `batchLength` costs one thread-pool
/// round trip and one `write`, whatever the PDU size; a larger one is streamed in pieces of at
/// least `batchLength` (more when the disk lags), so it is never held whole in memory.
///
/// Use only on the loop thread. `pendingBytes` is what has been received but not yet written:
/// the association stops reading from the socket above its limit (larger than `batchLength`)
/// and resumes from `onProgress`, so a slow disk slows the peer instead of filling memory.
public final class PooledInstanceWriter {
    public let writer: InstanceWriter
    public let pool: BlockingWorkPool
    /// Where held buffers come from and go back to once written (per association).
    public let buffers: BatchBuffers
    /// Bytes held or being written.
    public private(set) var pendingBytes = 0
    /// Called on the loop after each job has written its bytes.
    public var onProgress: (() -> Void)?
    private var held: [UInt8] = []
    private var ending: Ending?
    private var busy = false

    /// Bytes held before a write job is started mid-instance: 128 KiB, half a PDU at
    /// `StorageSCP.maximumPDULength`, so writing starts after the first PDU and overlaps the
    /// arrival of the rest: the job after the last PDU has little left to write (over one
    /// association, one job per 0.5 MB instance after its last PDU took 20–35 % longer per
    /// instance than earlier jobs did, in two noisy runs at load 12–15). Far below the
    /// association's 4 MiB read high-water mark, so reading pauses only when the disk lags.
    public static let batchLength = 128 << 10

    private enum Ending {
        case finish((Result<StoredInstance, StorageError>) -> Void)
        case abort
    }

    public init(writer: InstanceWriter, pool: BlockingWorkPool, buffers: BatchBuffers = BatchBuffers()) {
        self.writer = writer
        self.pool = pool
        self.buffers = buffers
    }

    /// Copies `fragment` (valid only during the call) into the held bytes.
    public func append(_ fragment: ArraySlice<UInt8>) {
        precondition(ending == nil, "data-set bytes after finish() or abort()")
        if held.capacity == 0 { held = buffers.take(minimumCapacity: Self.batchLength) }
        held.append(contentsOf: fragment)
        pendingBytes += fragment.count
        if held.count >= Self.batchLength { pump() }
    }

    /// After the last fragment: `completion` runs on the loop with the outcome, once every held
    /// byte is written and the file renamed into place (or the failure cleaned up).
    public func finish(_ completion: @escaping (Result<StoredInstance, StorageError>) -> Void) {
        ending = .finish(completion)
        pump()
    }

    /// The association ended mid-instance: held bytes are dropped, the temporary file removed.
    public func abort() {
        held = []
        ending = .abort
        pump()
    }

    private func pump() {
        guard !busy, ending != nil || held.count >= Self.batchLength else { return }
        let writer = writer
        // Boxed, so that once the job is done the buffer has one owner again and can be reused.
        let batch = Batch(held)
        held = []
        busy = true
        switch ending {
        case nil:
            pool.submit({ writer.append(batch.bytes[...]) }) { [self] in
                busy = false
                written(batch)
                pump()
            }
        case .finish(let completion)?:
            // The last bytes, flush and rename in one job.
            pool.submit({
                if !batch.bytes.isEmpty { writer.append(batch.bytes[...]) }
                return writer.finish()
            }) { [self] result in
                written(batch)
                completion(result)
            }
        case .abort?:
            pool.submit({ writer.abort() }) { _ in }
        }
    }

    private func written(_ batch: Batch) {
        pendingBytes -= batch.bytes.count
        buffers.recycle(&batch.bytes)
        onProgress?()
    }
}

/// The bytes of one write job: filled on the loop, read on a pool thread, then taken back on
/// the loop (`uv_queue_work` orders the three).
private final class Batch: @unchecked Sendable {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}
