import DICOMProtocol
import Foundation

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

    /// Reads one file's header: a `SendFile`, or the reason it cannot be sent. A Part 10 file
    /// is opened once; only a file that does not parse is looked at again, to tell a skip (not
    /// DICOM) from a failure.
    public static func read(_ path: String) -> Entry {
        let file: DICOMFile
        do {
            file = try DICOMFile(path: path)
        } catch {
            return .rejected(prefixCheck(path) ?? SendFileResult(path: path, outcome: .failed(error.detailWithOffset)))
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
            dataSetLength: file.dataSetLength, dataSetOffset: file.header.dataSetOffset))
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

    /// `nil` when the file starts like a Part 10 file (preamble and `DICM`); a skip when it
    /// does not; a failure when it cannot be read.
    private static func prefixCheck(_ path: String) -> SendFileResult? {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            head = try handle.read(upToCount: FileMetaInformation.elementsOffset) ?? Data()
        } catch {
            return SendFileResult(path: path, outcome: .failed("cannot be read: \((error as NSError).localizedDescription)"))
        }
        let prefixRange = FileMetaInformation.preambleLength..<FileMetaInformation.elementsOffset
        guard head.count == FileMetaInformation.elementsOffset,
              head[prefixRange].elementsEqual(FileMetaInformation.prefix)
        else {
            return SendFileResult(path: path, outcome: .skipped(
                "not a DICOM Part 10 file (no \"DICM\" after a 128-byte preamble, PS3.10 §7.1)"))
        }
        return nil
    }
}

extension FileError {
    /// The error without the path (results are listed by path already).
    var detailWithOffset: String { offset.map { "at byte \($0): \(detail)" } ?? detail }
}
