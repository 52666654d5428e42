import DICOMProtocol
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read, parsed or written, named with the byte offset where known:
/// `scan.dcm: at byte 1234: (7FE0,0010) value truncated`. The one line a user sees.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// Offset from the start of the file, when the failure is tied to one.
    public let offset: Int?
    public let detail: String
    /// The `errno` of a failed system call, so callers can tell a full disk (`ENOSPC`) from a
    /// read-only one (`EROFS`); `nil` for decoding errors.
    public let code: Int32?

    public init(path: String, offset: Int? = nil, _ detail: String, code: Int32? = nil) {
        self.path = path
        self.offset = offset
        self.detail = detail
        self.code = code
    }

    /// A failed system call, with the system's own words for `code`.
    public init(path: String, errno code: Int32, while doing: String) {
        self.init(path: path, "\(doing) failed: \(String(cString: strerror(code)))", code: code)
    }

    /// A decoding error, its offset made relative to the file by adding `base` (where the
    /// decoded unit starts in the file).
    public init(path: String, _ error: ProtocolError, base: Int) {
        let at = error.offset.map { $0 + base }
        let detail = error.detail.isEmpty ? error.field : "\(error.field): \(error.detail)"
        self.init(path: path, offset: at, detail)
    }

    public var description: String {
        let at = offset.map { " at byte \($0):" } ?? ""
        return "\(path):\(at) \(detail)"
    }
}
