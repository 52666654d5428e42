import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing configuration files. A missing file reads as empty. Writes are atomic
/// (a temporary file in the same directory, flushed with fsync, then renamed over the old one,
/// so readers see the old or the new file, never half of one), and read-modify-write cycles
/// hold an exclusive `flock` on `FILE.lock` so concurrent writers do not lose each other's
/// changes.
public enum ConfigurationFileIO {
    /// The file's text, or "" when it does not exist.
    public static func read(_ path: String) throws(RegistryError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return ""
        } catch {
            throw RegistryError(.io, "cannot read \(path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RegistryError(.invalid, "\(path) is not UTF-8 text: expected an ini file")
        }
        return text
    }

    /// Runs `body` holding an exclusive lock on `path + ".lock"`, creating the directory first.
    public static func withExclusiveLock<T>(
        on path: String, _ body: () throws(RegistryError) -> T
    ) throws(RegistryError) -> T {
        try createDirectory(of: path)
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RegistryError(.io, "cannot open the lock file \(lockPath): \(errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw RegistryError(.io, "cannot lock \(lockPath): \(errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Replaces `path` with `text` atomically, keeping the old file's permissions (0644 for a
    /// new one).
    public static func writeAtomically(_ text: String, to path: String) throws(RegistryError) {
        try createDirectory(of: path)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        var mode: mode_t = 0o644
        var status = stat()
        if stat(path, &status) == 0 { mode = status.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw RegistryError(.io, "cannot create \(temporary): \(errnoText())") }
        var failure: String?
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count && failure == nil {
            let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if result > 0 { written += result } else if errno != EINTR { failure = "write: \(errnoText())" }
        }
        if failure == nil && fsync(fd) != 0 { failure = "fsync: \(errnoText())" }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = "rename: \(errnoText())" }
        if let failure {
            unlink(temporary)
            throw RegistryError(.io, "cannot write \(path) (\(failure)); the previous file is unchanged")
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Makes the rename durable; a failure here leaves a correct file, so it is not reported.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func createDirectory(of path: String) throws(RegistryError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RegistryError(.io, "cannot create the directory \(directory): \(error.localizedDescription)")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
