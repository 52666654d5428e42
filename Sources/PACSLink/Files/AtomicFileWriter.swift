import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers only ever see it complete: the bytes go to a temporary name
/// in the target's directory, are flushed to disk (`fsync`) and only then renamed onto the
/// target, and the directory is flushed so the rename survives a crash. A store that answers
/// C-STORE success only after `commit()` has returned never acknowledges a file it could lose.
///
/// Blocking I/O: call it from a thread that may block (libuv's thread pool, a detached task),
/// never from an event-loop thread.
public final class AtomicFileWriter {
    /// Where the file appears on `commit()`.
    public let destination: URL
    /// The temporary file being written (same directory, so the rename is atomic).
    public let temporaryURL: URL
    private let handle: FileHandle
    private var isOpen = true

    /// Creates the destination's directory if needed and opens a fresh temporary file in it.
    public init(destination: URL) throws {
        self.destination = destination
        let directory = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        temporaryURL = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporaryURL.path, contents: nil) else {
            throw FileError(path: temporaryURL.path, errno: errno, while: "creating")
        }
        handle = try FileHandle(forWritingTo: temporaryURL)
    }

    /// Appends bytes to the temporary file.
    public func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        try handle.write(contentsOf: Data(bytes))
    }

    /// Flushes the temporary file to disk and renames it onto the destination (replacing any
    /// file there), then flushes the directory.
    public func commit() throws {
        try handle.synchronize()
        try close()
        guard rename(temporaryURL.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporaryURL)
            throw FileError(path: destination.path, errno: code, while: "renaming into place")
        }
        Self.synchronizeDirectory(of: destination)
    }

    /// Closes and removes the temporary file; the destination is left as it was.
    public func abort() {
        try? close()
        try? FileManager.default.removeItem(at: temporaryURL)
    }

    /// Writes `chunks` to `destination` atomically in one call.
    public static func write<Bytes: Collection>(_ chunks: [Bytes], to destination: URL) throws
    where Bytes.Element == UInt8 {
        let writer = try AtomicFileWriter(destination: destination)
        do {
            for chunk in chunks { try writer.write(chunk) }
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }

    private func close() throws {
        guard isOpen else { return }
        isOpen = false
        try handle.close()
    }

    /// Best effort: some file systems refuse `fsync` on a directory, and the file itself is
    /// already durable by then.
    private static func synchronizeDirectory(of url: URL) {
        let fd = open(url.deletingLastPathComponent().path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        closeDescriptor(fd)
    }

    deinit { if isOpen { abort() } }
}

private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
