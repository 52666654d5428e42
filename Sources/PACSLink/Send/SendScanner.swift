import DICOMProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given to `send` into Part 10 files to send (PS3.10 §7.1) and results for
/// the rest: files without the `DICM` prefix are skipped (a folder often holds a README or a
/// DICOMDIR-less viewer), files that cannot be read or whose File Meta Information is broken
/// fail with the reason. Folders are read in name order, their subfolders with `recursive`.
///
/// Blocking I/O: call from a thread that may block, never from an event-loop thread.
public enum SendScanner {
    /// Every path found, in the order found.
    public struct Scan: Sendable {
        public var entries: [Entry] = []

        /// The files to send.
        public var files: [SendFile] {
            entries.compactMap { if case .file(let file) = $0 { file } else { nil } }
        }

        /// Paths that will not be sent: skipped or failed.
        public var rejected: [SendFileResult] {
            entries.compactMap { if case .rejected(let result) = $0 { result } else { nil } }
        }

        /// Where each path was found, to report results in that order.
        public var order: [String: Int] {
            Dictionary(entries.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public static func scan(_ paths: [String], recursive: Bool) -> Scan {
        var scan = Scan()
        for path in paths { visit(path, isArgument: true, recursive: recursive, into: &scan) }
        return scan
    }

    /// One path read: a file to send, or why it will not be sent.
    public enum Entry: Sendable, Hashable {
        case file(SendFile)
        case rejected(SendFileResult)

        public var path: String {
            switch self {
            case .file(let file): file.path
            case .rejected(let result): result.path
            }
        }
    }

    /// Reads one file's header: a `SendFile`, or the reason it cannot be sent. One `open`
    /// and usually one `read` of its first bytes (`StoreMessage` later reads the data set from
    /// the offset found here, without parsing the header again).
    public static func read(_ path: String) -> Entry {
        let file: (header: Part10Header, size: Int)
        do {
            file = try readHeader(path)
        } catch {
            return .rejected(SendFileResult(path: path, outcome: error.outcome))
        }
        let meta = file.header.fileMetaInformation
        guard let sopClass = meta?.mediaStorageSOPClassUID, !sopClass.isEmpty else {
            return .rejected(SendFileResult(path: path, outcome: .failed(
                "no Media Storage SOP Class UID (0002,0002) in the File Meta Information")))
        }
        guard let instance = meta?.mediaStorageSOPInstanceUID, !instance.isEmpty else {
            return .rejected(SendFileResult(path: path, outcome: .failed(
                "no Media Storage SOP Instance UID (0002,0003) in the File Meta Information")))
        }
        return .file(SendFile(
            path: path, sopClassUID: sopClass, sopInstanceUID: instance, transferSyntax: file.header.transferSyntax,
            dataSetLength: file.size - file.header.dataSetOffset, dataSetOffset: file.header.dataSetOffset))
    }

    private static func visit(_ path: String, isArgument: Bool, recursive: Bool, into scan: inout Scan) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            scan.entries.append(.rejected(SendFileResult(path: path, outcome: .failed("no such file or folder"))))
            return
        }
        guard isDirectory.boolValue else {
            scan.entries.append(read(path))
            return
        }
        guard isArgument || recursive else {
            scan.entries.append(.rejected(SendFileResult(path: path, outcome: .skipped("a folder inside a folder (use --recursive)"))))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            scan.entries.append(.rejected(SendFileResult(path: path, outcome: .failed(
                "cannot list the folder: \((error as NSError).localizedDescription)"))))
            return
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        for name in names { visit(base + name, isArgument: false, recursive: recursive, into: &scan) }
    }

    /// Bytes read first: File Meta Information is rarely longer (a longer one costs more reads).
    static let headerReadLength = 4096

    /// The File Meta Information (PS3.10 §7.1) and the file's size; a skip when the file does
    /// not start like a Part 10 file (preamble and `DICM`), a failure when it cannot be read or
    /// its header is broken.
    private static func readHeader(_ path: String) throws(Rejection) -> (Part10Header, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Rejection(.failed("cannot be read: \(String(cString: strerror(errno)))")) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Rejection(.failed("cannot be read: \(String(cString: strerror(errno)))")) }
        let size = Int(status.st_size)
        var head: [UInt8] = []
        while true {
            let want = head.isEmpty ? headerReadLength : head.count
            let wanted = min(want, size - head.count)
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: max(wanted, 0)) { buffer, count in
                while count < wanted {
                    let n = pread(descriptor, buffer.baseAddress! + count, wanted - count, off_t(head.count + count))
                    if n > 0 { count += n } else if n < 0, errno == EINTR { continue } else { failed = n < 0; return }
                }
            }
            if failed { throw Rejection(.failed("cannot be read: \(String(cString: strerror(errno)))")) }
            head += chunk
            let endOfInput = chunk.count < want || head.count >= size
            let prefixRange = FileMetaInformation.preambleLength..<FileMetaInformation.elementsOffset
            guard head.count >= FileMetaInformation.elementsOffset || !endOfInput else { throw Rejection(notPart10) }
            if head.count >= FileMetaInformation.elementsOffset, !head[prefixRange].elementsEqual(FileMetaInformation.prefix) {
                throw Rejection(notPart10)
            }
            do {
                if let header = try Part10Header.parse(head[...], endOfInput: endOfInput) { return (header, size) }
            } catch {
                throw Rejection(.failed(FileError(path: path, error, base: 0).detailWithOffset))
            }
            if endOfInput { throw Rejection(.failed("the File Meta Information is incomplete")) }
        }
    }

    /// Why a path is not sent.
    private struct Rejection: Error {
        var outcome: SendFileResult.Outcome
        init(_ outcome: SendFileResult.Outcome) { self.outcome = outcome }
    }

    private static let notPart10 = SendFileResult.Outcome.skipped(
        "not a DICOM Part 10 file (no \"DICM\" after a 128-byte preamble, PS3.10 §7.1)")
}

extension FileError {
    /// The error without the path (results are listed by path already).
    var detailWithOffset: String { offset.map { "at byte \($0): \(detail)" } ?? detail }
}
