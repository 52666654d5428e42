import DICOMProtocol
import Foundation

/// A DICOM file on disk (PS3.10 §7), read with `FileHandle` in chunks: opening reads only as
/// much as the File Meta Information needs; the data set can then be decoded whole (for a
/// dump) or handed out chunk by chunk (for sending), so a 1 GB file is never all in memory
/// unless decoded.
///
/// Blocking I/O: use it from a thread that may block, never from an event-loop thread.
public final class DICOMFile {
    /// Bytes read per call to the file system.
    public static let chunkSize = 64 * 1024

    public let path: String
    /// File Meta Information, transfer syntax and where the data set starts.
    public let header: Part10Header
    /// Size of the file in bytes when it was opened.
    public let size: Int
    /// Bytes of the data set: from `header.dataSetOffset` to the end of the file.
    public var dataSetLength: Int { size - header.dataSetOffset }
    private let handle: FileHandle

    /// Opens `path` and parses its File Meta Information. With `allowRawDataSet`, a file
    /// without preamble and `DICM` is read as a bare data set (see `Part10Header.parse`).
    public init(path: String, allowRawDataSet: Bool = false) throws(FileError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError(path: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw FileError(path: path, "is a directory") }
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            size = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
        } catch {
            throw FileError(path: path, "cannot be read: \(Self.reason(error))")
        }
        do {
            header = try Self.readHeader(handle, path: path, size: size, allowRawDataSet: allowRawDataSet)
        } catch {
            try? handle.close()
            throw error
        }
        try rewind()
    }

    deinit { try? handle.close() }

    /// Reads the whole data set and decodes it in the file's transfer syntax.
    public func readDataSet() throws(FileError) -> DataSet {
        let encoding: DataSetEncoding
        do {
            encoding = try header.dataSetEncoding()
        } catch {
            throw FileError(path: path, error.shifted(by: header.dataSetOffset), base: 0)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, dataSetLength))
        try rewind()
        while let chunk = try nextDataSetChunk() { bytes += chunk }
        do {
            return try DataSetDecoder(encoding: encoding).decode(bytes)
        } catch {
            throw FileError(path: path, error, base: header.dataSetOffset)
        }
    }

    /// The next bytes of the data set, as stored (still encoded in the file's transfer
    /// syntax), at most `maximumLength` of them; `nil` at the end of the file.
    public func nextDataSetChunk(maximumLength: Int = DICOMFile.chunkSize) throws(FileError) -> [UInt8]? {
        let chunk = try Self.read(handle, path: path, count: maximumLength)
        return chunk.isEmpty ? nil : chunk
    }

    /// Makes `nextDataSetChunk` start again at the first byte of the data set.
    public func rewind() throws(FileError) {
        do {
            try handle.seek(toOffset: UInt64(header.dataSetOffset))
        } catch {
            throw FileError(path: path, "seek failed: \(Self.reason(error))")
        }
    }

    /// Starts writing a Part 10 file atomically (see `AtomicFileWriter`): the File Meta
    /// Information is written; append the data set, encoded in the transfer syntax `meta`
    /// names, as it arrives, then `commit()` (or `abort()`).
    public static func startWriting(meta: FileMetaInformation, to destination: URL) throws -> AtomicFileWriter {
        let writer = try AtomicFileWriter(destination: destination)
        do {
            try writer.write(try meta.encoded())
        } catch {
            writer.abort()
            throw error
        }
        return writer
    }

    /// Writes a whole Part 10 file atomically: the File Meta Information followed by
    /// `dataSet`, already encoded in the transfer syntax `meta` names.
    public static func write(meta: FileMetaInformation, dataSet: [UInt8], to destination: URL) throws {
        let writer = try startWriting(meta: meta, to: destination)
        do {
            try writer.write(dataSet)
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }

    /// Reads chunks until the File Meta Information is complete.
    private static func readHeader(
        _ handle: FileHandle, path: String, size: Int, allowRawDataSet: Bool
    ) throws(FileError) -> Part10Header {
        var prefix: [UInt8] = []
        while true {
            let chunk = try read(handle, path: path, count: chunkSize)
            prefix += chunk
            let endOfInput = chunk.isEmpty || prefix.count >= size
            do {
                if let header = try Part10Header.parse(prefix[...], endOfInput: endOfInput, allowRawDataSet: allowRawDataSet) {
                    return header
                }
            } catch {
                throw FileError(path: path, error, base: 0)
            }
        }
    }

    private static func read(_ handle: FileHandle, path: String, count: Int) throws(FileError) -> [UInt8] {
        do {
            guard let data = try handle.read(upToCount: count) else { return [] }
            return [UInt8](data)
        } catch {
            throw FileError(path: path, "read failed: \(reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
