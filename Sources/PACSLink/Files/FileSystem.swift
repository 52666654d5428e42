#if canImport(Glibc)
import CPACSLinkShims
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls behind `AtomicFileWriter`, as a protocol so tests can make any one of them
/// fail with a chosen `errno` (a full disk mid-write, a rename refused) where the machine cannot
/// produce that failure for real. `POSIXFileSystem` is the one production uses.
///
/// Every call blocks: run it off event-loop threads (libuv's thread pool).
public protocol FileSystem: Sendable {
    /// `mkdir -p`: creates `path` and any missing parents; an existing directory is fine.
    func createDirectory(atPath path: String) throws(FileError)
    /// Creates a new file that must not exist yet (`O_CREAT | O_EXCL`), open for writing.
    func createFile(atPath path: String) throws(FileError) -> Int32
    /// Creates a new file like `createFile(atPath:)`, opened for direct I/O (`O_DIRECT`) when
    /// `direct` and the file system allows it. Either way the caller writes whole aligned
    /// blocks from aligned memory, then `endDirectIO` for the last partial block
    /// (`FileWriteMode.direct`); a file system without direct I/O simply buffers them.
    func createFile(atPath path: String, direct: Bool) throws(FileError) -> Int32
    /// Writes all of `bytes` (retrying short writes and `EINTR`).
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError)
    /// `fsync`: the file's data and metadata reach stable storage.
    func synchronize(_ descriptor: Int32, path: String) throws(FileError)
    func close(_ descriptor: Int32, path: String) throws(FileError)
    /// Turns direct I/O off for the rest of the file (its last, partial block is written
    /// through the page cache).
    func endDirectIO(_ descriptor: Int32, path: String) throws(FileError)
    /// Atomically replaces `destination` (same file system) with `source`.
    func rename(_ source: String, to destination: String) throws(FileError)
    /// Best effort `unlink`: used to clean up, so it never throws.
    func removeFile(atPath path: String)
    /// Best effort `fsync` of a directory, so a rename in it survives a crash; some file
    /// systems refuse it, and the file itself is durable by then.
    func synchronizeDirectory(atPath path: String)
}

extension FileSystem {
    /// Buffered: a file system that knows nothing of direct I/O.
    public func createFile(atPath path: String, direct: Bool) throws(FileError) -> Int32 {
        try createFile(atPath: path)
    }

    public func endDirectIO(_ descriptor: Int32, path: String) throws(FileError) {
        #if canImport(Glibc)
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, flags & pacslink_O_DIRECT == 0 || fcntl(descriptor, F_SETFL, flags & ~pacslink_O_DIRECT) == 0 else {
            throw FileError(path: path, errno: errno, while: "ending direct I/O")
        }
        #endif
    }
}

/// `FileSystem` over the POSIX calls, reporting `errno` in every `FileError`.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func createDirectory(atPath path: String) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            guard mkdir(prefix, 0o755) != 0 else { continue }
            let code = errno
            var info = stat()
            guard code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw FileError(path: prefix, errno: code == EEXIST ? ENOTDIR : code, while: "creating the directory")
            }
        }
    }

    public func createFile(atPath path: String) throws(FileError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, errno: errno, while: "creating") }
        return descriptor
    }

    public func createFile(atPath path: String, direct: Bool) throws(FileError) -> Int32 {
        #if canImport(Glibc)
        guard direct else { return try createFile(atPath: path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | pacslink_O_DIRECT, 0o644)
        if descriptor >= 0 { return descriptor }
        let code = errno
        guard code == EINVAL else { throw FileError(path: path, errno: code, while: "creating") }
        // No direct I/O here: the open may have created the file before refusing the flag.
        _ = unlink(path)
        return try createFile(atPath: path)
        #else
        return try createFile(atPath: path)
        #endif
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, errno: errno, while: "writing")
            }
            offset += written
        }
    }

    public func synchronize(_ descriptor: Int32, path: String) throws(FileError) {
        guard fsync(descriptor) == 0 else { throw FileError(path: path, errno: errno, while: "flushing (fsync)") }
    }

    public func close(_ descriptor: Int32, path: String) throws(FileError) {
        // On Linux the descriptor is released even when close reports an error: never retry.
        guard systemClose(descriptor) == 0 else { throw FileError(path: path, errno: errno, while: "closing") }
    }

    public func rename(_ source: String, to destination: String) throws(FileError) {
        guard systemRename(source, destination) == 0 else {
            throw FileError(path: destination, errno: errno, while: "renaming into place")
        }
    }

    public func removeFile(atPath path: String) { _ = unlink(path) }

    public func synchronizeDirectory(atPath path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = systemClose(descriptor)
    }
}

// File-scope names for the C calls that `POSIXFileSystem`'s methods shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
