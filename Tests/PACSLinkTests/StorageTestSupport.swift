import DICOMProtocol
import Foundation
import PACSLink
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A synthetic instance: its identifying UIDs, a patient name, a sequence before the study
/// UIDs (so the identity scan must step over it) and `pixelBytes` of OW pixel data.
struct SampleInstance {
    var sopClassUID = "1.2.840.10008.5.1.4.1.1.7"
    var sopInstanceUID = "1.2.826.0.1.3680043.2.1.1"
    var studyInstanceUID = "1.2.826.0.1.3680043.2.1"
    var seriesInstanceUID = "1.2.826.0.1.3680043.2.1.2"
    var pixelBytes = 4096

    func dataSet() throws -> DataSet {
        var ds = DataSet()
        ds.setUID(sopClassUID, for: .sopClassUID)
        ds.setUID(sopInstanceUID, for: .sopInstanceUID)
        try ds.setString("DOE^JANE", for: Tag(0x0010, 0x0010), vr: .PN)
        var item = DataSet()
        item.setUID("1.2.3.4", for: Tag(0x0008, 0x1150))
        ds.insert(DataElement(tag: Tag(0x0008, 0x1115), vr: .SQ, value: .sequence([SequenceItem(item)]), hasUndefinedLength: true))
        ds.setUID(studyInstanceUID, for: .studyInstanceUID)
        ds.setUID(seriesInstanceUID, for: .seriesInstanceUID)
        ds.insert(DataElement(tag: Tag(0x7FE0, 0x0010), vr: .OW, bytes: (0..<pixelBytes).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        return ds
    }

    func encoded(_ encoding: DataSetEncoding = .explicitVRLittleEndian) throws -> [UInt8] {
        try DataSetEncoder(encoding: encoding).encode(dataSet())
    }

    func incoming(_ syntax: TransferSyntax = .explicitVRLittleEndian, disposition: StorageLayout.Disposition = .retrieved) -> IncomingInstance {
        IncomingInstance(
            sopClassUID: sopClassUID, sopInstanceUID: sopInstanceUID, transferSyntaxUID: syntax.uid,
            callingAETitle: "PACSA", disposition: disposition)
    }
}

extension InstanceStore {
    /// Streams `bytes` in `chunk`-sized pieces and finishes.
    func store(_ instance: IncomingInstance, _ bytes: [UInt8], chunk: Int = 1000) -> Result<StoredInstance, StorageError> {
        let writer = begin(instance)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            writer.append(bytes[start..<min(start + chunk, bytes.count)])
        }
        return writer.finish()
    }
}

/// Every regular file under `directory`, relative paths sorted: to prove nothing partial is left.
func files(under directory: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
}

/// `POSIXFileSystem` with one call made to fail with a chosen `errno`: the fault injection for
/// failures a test machine cannot produce on demand.
struct FaultyFileSystem: FileSystem {
    enum Call: Sendable { case createDirectory, createFile, write, synchronize, rename }
    let failing: Call
    let code: Int32
    private let real = POSIXFileSystem()

    private func fail(_ call: Call, _ path: String) throws(FileError) {
        if call == failing { throw FileError(path: path, errno: code, while: "\(call)") }
    }

    func createDirectory(atPath path: String) throws(FileError) {
        try fail(.createDirectory, path)
        try real.createDirectory(atPath: path)
    }
    func createFile(atPath path: String) throws(FileError) -> Int32 {
        try fail(.createFile, path)
        return try real.createFile(atPath: path)
    }
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError) {
        try real.write(descriptor, bytes, path: path)  // the bytes land, then the disk "fills"
        try fail(.write, path)
    }
    func synchronize(_ descriptor: Int32, path: String) throws(FileError) {
        try fail(.synchronize, path)
        try real.synchronize(descriptor, path: path)
    }
    func close(_ descriptor: Int32, path: String) throws(FileError) { try real.close(descriptor, path: path) }
    func rename(_ source: String, to destination: String) throws(FileError) {
        try fail(.rename, destination)
        try real.rename(source, to: destination)
    }
    func removeFile(atPath path: String) { real.removeFile(atPath: path) }
    func synchronizeDirectory(atPath path: String) { real.synchronizeDirectory(atPath: path) }
}

/// A small tmpfs mounted on a fresh directory (root only, and only where the container lets us
/// mount), unmounted on release: a real full or read-only file system.
final class ScratchMount {
    let directory: TemporaryDirectory

    /// True when this process may mount a tmpfs here (probed once).
    static let isPermitted: Bool = (try? ScratchMount(size: 16 * 1024)) != nil

    init(size: Int) throws {
        directory = try TemporaryDirectory(prefix: "pacslink-mount")
        #if os(Linux)
        guard mount("tmpfs", directory.url.path, "tmpfs", 0, "size=\(size)") == 0 else {
            throw FileError(path: directory.url.path, errno: errno, while: "mounting a tmpfs")
        }
        #else
        throw FileError(path: directory.url.path, "tmpfs mounts are Linux-only")
        #endif
    }

    var url: URL { directory.url }

    /// Remounts the file system read-only.
    func makeReadOnly() throws {
        #if os(Linux)
        guard mount("tmpfs", url.path, nil, UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw FileError(path: url.path, errno: errno, while: "remounting read-only")
        }
        #endif
    }

    #if os(Linux)
    deinit { _ = umount2(url.path, Int32(MNT_DETACH)) }
    #endif
}
