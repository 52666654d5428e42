import DICOMProtocol
import Foundation

/// A file's data set handed out in chunks as it is sent (PS3.10 §7: what follows the File
/// Meta Information, as stored), so a 2 GB file never needs 2 GB of memory. Each chunk read
/// is reported to `onRead` (progress), and a cancelled task stops the reading.
///
/// Reads block: `prefetch()` and `next()` are for a task on the cooperative pool, never for
/// an event-loop thread — except that `next()` does no I/O while a prefetched chunk is left.
/// One send reads it, one chunk at a time; the lock only makes that visible to the compiler
/// across the awaits between chunks.
public final class DataSetChunks: @unchecked Sendable {
    /// Bytes read per chunk when sending: a 0.5 MB instance in one read, and few chunks (each
    /// a hop between the loop and the reading task) for larger ones. Kept below the channel's
    /// 1 MiB high-water mark: with 1 MiB chunks a 160 MB send stalled waiting for writability
    /// in 2 of 9 test runs (cause not found); at 768 KiB it did not in 10.
    public static let chunkLength = 768 * 1024

    public let file: SendFile
    private let reader: DICOMFile
    private let lock = NSLock()
    private let onRead: @Sendable (Int) -> Void
    private var prefetched: ArraySlice<UInt8> = []
    private var bytesRead = 0
    private var lastReadWasShort = false

    public init(_ file: SendFile, onRead: @escaping @Sendable (Int) -> Void = { _ in }) throws(FileError) {
        self.file = file
        reader = try DICOMFile(path: file.path)
        self.onRead = onRead
    }

    /// Reads the first chunk now (while another file is on the wire), so that `next()` hands it
    /// out without I/O — on the association's loop if need be. Call before any `next()`.
    public func prefetch(maximumLength: Int = DataSetChunks.chunkLength) throws(FileError) {
        lock.lock()
        defer { lock.unlock() }
        prefetched = try read(maximumLength: maximumLength)?[...] ?? []
    }

    /// The next chunk, at most `maximumLength` bytes; `nil` at the end of the data set. Throws
    /// `FileError` when reading fails, `CancellationError` when the task was cancelled.
    public func next(maximumLength: Int = DataSetChunks.chunkLength) throws -> [UInt8]? {
        try Task.checkCancellation()
        let chunk = try lock.withLock { () throws(FileError) -> [UInt8]? in
            guard prefetched.isEmpty else {
                let chunk = prefetched.prefix(maximumLength)
                prefetched = prefetched.dropFirst(chunk.count)
                return Array(chunk)
            }
            return try read(maximumLength: maximumLength)
        }
        if let chunk { onRead(chunk.count) }
        return chunk
    }

    /// Whether the chunks handed out are the whole data set, as long as the scan found it
    /// (`file.dataSetLength`) and the file has not grown since: the last read stopped short at
    /// the end of the file. Lets a small file go out in one message without asking `next()`
    /// for its `nil`; when unsure, `false`, and `next()` finds the end.
    public var isComplete: Bool {
        lock.withLock { prefetched.isEmpty && lastReadWasShort && bytesRead == file.dataSetLength }
    }

    /// One read from the file; call with the lock held.
    private func read(maximumLength: Int) throws(FileError) -> [UInt8]? {
        let chunk = try reader.nextDataSetChunk(maximumLength: maximumLength)
        bytesRead += chunk?.count ?? 0
        lastReadWasShort = (chunk?.count ?? 0) < maximumLength
        return chunk
    }
}
