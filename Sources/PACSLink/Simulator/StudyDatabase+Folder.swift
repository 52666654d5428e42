import DICOMProtocol
import Foundation

/// Filling the archive from Part 10 files on disk (`pacslink simulate --from DIR`).
extension StudyDatabase {
    /// What loading a folder did: how many instances were indexed and why others were not.
    public struct FolderLoad: Sendable {
        public var indexed = 0
        /// Files that are not DICOM, cannot be decoded or lack a unique key, each with the
        /// reason.
        public var skipped: [FileError] = []
    }

    /// Indexes every Part 10 file under `path` (sub-folders included, hidden files skipped),
    /// each served later from the file itself. A file that does not read is skipped and
    /// reported, never fatal. Each file's data set is decoded once to index its attributes
    /// and then dropped. Blocking I/O: call it off any event-loop thread.
    public mutating func addFiles(under path: String) throws(FileError) -> FolderLoad {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError(path: path, "is not a folder")
        }
        let root = URL(fileURLWithPath: path)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw FileError(path: path, "cannot be listed")
        }
        var load = FolderLoad()
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url.path)
        }
        for file in files.sorted() {
            do {
                try addFile(file)
                load.indexed += 1
            } catch {
                load.skipped.append(error)
            }
        }
        return load
    }

    /// Indexes one Part 10 file.
    public mutating func addFile(_ path: String) throws(FileError) {
        let file = try DICOMFile(path: path)
        let dataSet = try file.readDataSet()
        do {
            try add(dataSet, source: .file(path: path, transferSyntaxUID: file.header.transferSyntax.uid))
        } catch {
            throw FileError(path: path, "\(error.field): \(error.detail)")
        }
    }
}
