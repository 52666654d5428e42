import Foundation

/// Writes a file so that readers only ever see it complete: the bytes go to a temporary name
/// in the target's directory, are flushed to disk per `FlushPolicy` and only then renamed onto
/// the target. A store that answers C-STORE success only after `commit()` has returned never
/// acknowledges a file it could lose; any failure removes the temporary file, so nothing
/// partial is ever left behind.
///
/// Blocking I/O through `FileSystem`: call it from a thread that may block (libuv's thread
/// pool), never from an event-loop thread. Not thread-safe: one caller at a time.
public final class AtomicFileWriter {
    /// Where the file appears on `commit()`.
    public let destination: URL
    /// The temporary file being written (same directory, so the rename is atomic).
    public let temporaryURL: URL
    public let flush: FlushPolicy
    private let fileSystem: any FileSystem
    private var descriptor: Int32?
    /// Bytes written so far.
    public private(set) var size = 0

    /// Creates a fresh temporary file next to the destination, and the destination's directory
    /// only when that fails for want of it (`ENOENT`): a store into an existing series folder
    /// costs one `open`, not a `mkdir` per path component.
    public init(destination: URL, flush: FlushPolicy = .fileAndDirectory, fileSystem: any FileSystem = POSIXFileSystem()) throws(FileError) {
        self.destination = destination
        self.flush = flush
        self.fileSystem = fileSystem
        let directory = destination.deletingLastPathComponent()
        // 64 random bits: unique among concurrent writers of the same file (O_EXCL would refuse
        // a clash) without the cost of a UUID string.
        let tag = String(UInt64.random(in: .min ... .max), radix: 36)
        temporaryURL = directory.appendingPathComponent(".\(destination.lastPathComponent).\(tag).partial")
        do {
            descriptor = try fileSystem.createFile(atPath: temporaryURL.path)
        } catch where error.code == ENOENT {
            try fileSystem.createDirectory(atPath: directory.path)
            descriptor = try fileSystem.createFile(atPath: temporaryURL.path)
        }
    }

    /// Appends bytes to the temporary file. On failure the writer is aborted (the temporary
    /// file removed) before the error is thrown.
    public func write<Bytes: Collection>(_ bytes: Bytes) throws(FileError) where Bytes.Element == UInt8 {
        guard let descriptor else { throw FileError(path: temporaryURL.path, "written after commit or abort") }
        let path = temporaryURL.path
        let write = { [fileSystem] (buffer: UnsafeRawBufferPointer) in
            Result { () throws(FileError) in try fileSystem.write(descriptor, buffer, path: path) }
        }
        let result = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(write)
        do {
            try result.get()
        } catch {
            abort()
            throw error
        }
        size += bytes.count
    }

    /// Flushes the temporary file (per `flush`), renames it onto the destination (replacing any
    /// file there) and flushes the directory. On failure nothing is left at the temporary name
    /// and the destination is as it was.
    public func commit() throws(FileError) {
        guard let descriptor else { throw FileError(path: temporaryURL.path, "committed after commit or abort") }
        self.descriptor = nil
        var isOpen = true
        do {
            if flush == .fileAndDirectory { try fileSystem.synchronize(descriptor, path: temporaryURL.path) }
            // close releases the descriptor even when it reports an error: never close twice.
            isOpen = false
            try fileSystem.close(descriptor, path: temporaryURL.path)
            try fileSystem.rename(temporaryURL.path, to: destination.path)
        } catch {
            if isOpen { try? fileSystem.close(descriptor, path: temporaryURL.path) }
            fileSystem.removeFile(atPath: temporaryURL.path)
            throw error
        }
        if flush == .fileAndDirectory { fileSystem.synchronizeDirectory(atPath: destination.deletingLastPathComponent().path) }
    }

    /// Closes and removes the temporary file; the destination is left as it was.
    public func abort() {
        guard let descriptor else { return }
        self.descriptor = nil
        try? fileSystem.close(descriptor, path: temporaryURL.path)
        fileSystem.removeFile(atPath: temporaryURL.path)
    }

    /// Writes `chunks` to `destination` atomically in one call.
    public static func write<Bytes: Collection>(_ chunks: [Bytes], to destination: URL, flush: FlushPolicy = .fileAndDirectory) throws(FileError)
    where Bytes.Element == UInt8 {
        let writer = try AtomicFileWriter(destination: destination, flush: flush)
        for chunk in chunks { try writer.write(chunk) }
        try writer.commit()
    }

    deinit { abort() }
}
