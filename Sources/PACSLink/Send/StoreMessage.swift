import DICOMProtocol
import DICOMTransport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file's C-STORE-RQ (PS3.7 §9.1.1) encoded as P-DATA-TF PDUs within the peer's Maximum
/// Length (PS3.8 §9.3.5): the command set, then the data set as stored in the file (PS3.10
/// §7: what follows the File Meta Information, whose end the scan found — the header is not
/// parsed again), read with `pread` and fragmented a chunk at a time, so a 2 GB file never
/// needs 2 GB of memory.
///
/// Built off the event loop (reads block): `init` opens the file and encodes the first chunk,
/// which for a file up to `chunkLength` is the whole message; `next()` encodes the next one
/// (`Association.send(encoded:)` asks for it off the loop).
/// A file that changed size since it was opened fails with a `FileError` (a half-sent message
/// cannot be completed). One send reads it, one call after another. A small file the scan
/// read whole (`SendFile.preloaded`) is sent from memory, as it was when scanned.
public final class StoreMessage: @unchecked Sendable {
    /// Data-set bytes per chunk: a 0.5 MB instance in one message, one write, and few reads
    /// (each a hop off the loop) for larger ones.
    public static let chunkLength = 1 << 20
    /// The smallest fragment sent as a file span: a 64 KiB PDU's (0 = unlimited gets those).
    public static let minimumSpanFragment = 65_536 - 12

    public let file: SendFile
    public let request: CStoreRQ
    public let contextID: UInt8
    /// Data-set bytes in the file now (the scan's count unless the file changed since).
    public let dataSetLength: Int
    private let descriptor: Int32
    private var fragmenter: MessageFragmenter
    private var offset: Int
    private let chunkLength: Int
    private var first: [OutboundPiece]?
    /// The data set goes as file spans (`sendfile` by the channel), not read here.
    public let sendsFileSpans: Bool
    private let onRead: @Sendable (Int) -> Void

    /// Opens `file` and encodes the command and the first chunk. `onRead` hears each chunk's
    /// data-set bytes as it is encoded (progress).
    public init(
        _ file: SendFile, request: CStoreRQ, contextID: UInt8, peerMaximumLength: UInt32,
        chunkLength: Int = StoreMessage.chunkLength, fileSpans: Bool = false,
        onRead: @escaping @Sendable (Int) -> Void = { _ in }
    ) throws(FileError) {
        self.file = file
        self.request = request
        self.contextID = contextID
        self.onRead = onRead
        if let preloaded = file.preloaded {
            // The scan read the whole (small) file: nothing to open.
            descriptor = -1
            dataSetLength = preloaded.bytes.count - file.dataSetOffset
        } else {
            descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileError(path: file.path, errno: errno, while: "opening") }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let code = errno
                close(descriptor)
                throw FileError(path: file.path, errno: code, while: "reading the size")
            }
            dataSetLength = Int(status.st_size) - file.dataSetOffset
        }
        offset = file.dataSetOffset
        fragmenter = MessageFragmenter(
            presentationContextID: contextID, peerMaximumLength: peerMaximumLength, fragmentLimit: chunkLength)
        // Spans only for fragments of at least 64 KiB (two system calls per PDU: into a peer
        // taking 16 KiB PDUs, one write of the framed PDUs costs less), and only for a data set
        // whose pages are all in memory: the channel's `sendfile` runs on the event loop, which
        // must not wait for the disk.
        sendsFileSpans = fileSpans && descriptor >= 0 && dataSetLength > 0
            && fragmenter.maximumFragmentLength >= Self.minimumSpanFragment
            && FileResidency.isResident(descriptor, offset: file.dataSetOffset, count: dataSetLength)
        // Whole fragments per chunk, so that a chunk's PDUs are complete without holding any
        // bytes back for the next one.
        let fragment = fragmenter.maximumFragmentLength
        self.chunkLength = max(1, chunkLength / fragment) * fragment
        guard dataSetLength >= 0, let command = try? request.encoded() else {
            if descriptor >= 0 { close(descriptor) }
            throw FileError(path: file.path, "is shorter than its File Meta Information")
        }
        var writer = ByteWriter(capacity: command.count + 64)
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        do {
            first = try encodeChunk(after: writer.take())
        } catch {
            if descriptor >= 0 { close(descriptor) }
            throw error
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether the first PDUs are the whole message.
    public var isComplete: Bool { fragmenter.isFinished }

    /// The command and the first chunk's PDUs; handed out once (nothing afterwards).
    public func takeFirst() -> [OutboundPiece] {
        defer { first = nil }
        return first ?? []
    }

    /// The next chunk's PDUs; the last chunk says so. Blocking reads: call off the loop.
    public func next() throws(FileError) -> EncodedRequest.Chunk {
        let pieces = try encodeChunk()
        return EncodedRequest.Chunk(pieces: pieces, isLast: fragmenter.isFinished)
    }

    /// The message for `Association.send(encoded:)`.
    public func encoded() -> EncodedRequest {
        EncodedRequest(
            messageID: request.messageID, commandField: .cStoreRQ, contextID: contextID, pieces: takeFirst(),
            more: isComplete ? nil : { @Sendable () async throws -> EncodedRequest.Chunk in try self.next() })
    }

    /// The next chunk of the data set as PDUs, after `prefix` (the command's PDUs, for the
    /// first chunk): the framing and spans of the file, or the data set read (or copied from
    /// what the scan kept) straight into the PDUs, between their headers
    /// (`MessageFragmenter.writeDataSet(count:isLast:into:fill:)`): no copy to frame them.
    private func encodeChunk(after prefix: [UInt8] = []) throws(FileError) -> [OutboundPiece] {
        let end = file.dataSetOffset + dataSetLength
        let count = min(chunkLength, end - offset)
        let isLast = offset + count == end
        if sendsFileSpans {
            // Each PDU's framing in memory (the command's PDUs before the first), its fragment
            // a span of the file.
            var pieces: [OutboundPiece] = []
            var framing = prefix
            for fragment in fragmenter.dataSetFraming(count: count, isLast: isLast) {
                framing += fragment.framing
                pieces.append(.bytes(framing))
                pieces.append(.file(FileSpan(descriptor: descriptor, offset: offset, count: fragment.length, keeper: self)))
                framing = []
                offset += fragment.length
            }
            onRead(count)
            return pieces
        }
        var failure: FileError?
        let pdus = [UInt8](unsafeUninitializedCapacity: prefix.count + fragmenter.encodedLength(ofDataSet: count)) {
            buffer, initialized in
            let pdus = UnsafeMutableRawBufferPointer(buffer)
            prefix.withUnsafeBytes { pdus.copyMemory(from: $0) }
            var position = offset
            do throws(FileError) {
                initialized = try prefix.count + fragmenter.writeDataSet(
                    count: count, isLast: isLast, into: UnsafeMutableRawBufferPointer(rebasing: pdus[prefix.count...])
                ) { (fragment) throws(FileError) in
                    try read(into: fragment, at: position)
                    position += fragment.count
                }
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        offset += count
        onRead(count)
        return [.bytes(pdus)]
    }

    /// Exactly `buffer.count` bytes at `position` of the file: from memory for a file the scan
    /// kept, else with `pread`.
    private func read(into buffer: UnsafeMutableRawBufferPointer, at position: Int) throws(FileError) {
        if let preloaded = file.preloaded {
            preloaded.bytes[position..<position + buffer.count].withUnsafeBytes { buffer.copyMemory(from: $0) }
            return
        }
        let read: Int
        do {
            read = try PositionalRead.fill(buffer, from: descriptor, at: position)
        } catch {
            throw FileError(path: file.path, errno: error.code, while: "reading")
        }
        guard read == buffer.count else {
            throw FileError(path: file.path, offset: position + read, "the file became shorter while it was sent")
        }
    }
}
