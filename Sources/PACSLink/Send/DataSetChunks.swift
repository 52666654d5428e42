import DICOMProtocol
import Foundation

/// A file's data set handed out in chunks as it is sent (PS3.10 §7: what follows the File
/// Meta Information, as stored), so a 2 GB file never needs 2 GB of memory. Each chunk read
/// is reported to `onRead` (progress), and a cancelled task stops the reading.
///
/// Reads block: `next()` is for a task on the cooperative pool, never for an event-loop
/// thread. One send reads it, one chunk at a time; the lock only makes that visible to the
/// compiler across the awaits between chunks.
public final class DataSetChunks: @unchecked Sendable {
    public let file: SendFile
    private let reader: DICOMFile
    private let lock = NSLock()
    private let onRead: @Sendable (Int) -> Void
    private var bytesRead = 0
    private var lastReadWasShort = false

    public init(_ file: SendFile, onRead: @escaping @Sendable (Int) -> Void = { _ in }) throws(FileError) {
        self.file = file
        reader = try DICOMFile(path: file.path)
        self.onRead = onRead
    }

    /// The next chunk; `nil` at the end of the data set. Throws `FileError` when reading fails,
    /// `CancellationError` when the task was cancelled.
    public func next(maximumLength: Int = DICOMFile.chunkSize) throws -> [UInt8]? {
        try Task.checkCancellation()
        let chunk = try lock.withLock { () throws(FileError) -> [UInt8]? in
            let chunk = try reader.nextDataSetChunk(maximumLength: maximumLength)
            bytesRead += chunk?.count ?? 0
            lastReadWasShort = (chunk?.count ?? 0) < maximumLength
            return chunk
        }
        if let chunk { onRead(chunk.count) }
        return chunk
    }

    /// Whether the chunks read so far are the whole data set, as long as the scan found it
    /// (`file.dataSetLength`) and the file has not grown since: the last read stopped short at
    /// the end of the file. Lets a small file go out in one message without asking `next()`
    /// for its `nil`; when unsure, `false`, and `next()` finds the end.
    public var isComplete: Bool {
        lock.withLock { lastReadWasShort && bytesRead == file.dataSetLength }
    }
}
