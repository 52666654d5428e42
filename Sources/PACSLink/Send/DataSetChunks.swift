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
            try reader.nextDataSetChunk(maximumLength: maximumLength)
        }
        if let chunk { onRead(chunk.count) }
        return chunk
    }
}
