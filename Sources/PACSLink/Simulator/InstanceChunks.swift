import DICOMProtocol
import Foundation

/// An instance's data set in chunks, as a C-STORE sub-operation streams it
/// (`Association.send(_:contextID:dataSet:)`): a synthetic instance is generated chunk by
/// chunk and a file in the wanted transfer syntax is read chunk by chunk, so neither is ever
/// whole in memory; a data set kept in memory, or re-encoded into another transfer syntax,
/// goes as one chunk.
///
/// `next()` may block on file reads: call it off the event loop (the streaming send does).
/// One send reads it, one chunk at a time; the lock only makes that visible to the compiler.
final class InstanceChunks: @unchecked Sendable {
    private enum State {
        case unopened
        case synthetic(SyntheticInstance.Chunks)
        case file(DICOMFile)
        case whole([UInt8])
        case done
    }

    private let source: InstanceSource
    private let transferSyntax: TransferSyntax
    private var state = State.unopened
    private let lock = NSLock()

    /// `source` must be encodable in `transferSyntax` (`InstanceSource.canBeEncoded(in:)`).
    init(_ source: InstanceSource, in transferSyntax: TransferSyntax) {
        self.source = source
        self.transferSyntax = transferSyntax
    }

    /// The next chunk, `nil` at the end. Throws `FileError` or `ProtocolError`.
    func next() throws -> [UInt8]? {
        try lock.withLock {
            if case .unopened = state { state = try open() }
            switch state {
            case .synthetic(var chunks):
                let chunk = chunks.next()
                state = .synthetic(chunks)
                return chunk
            case .file(let file):
                return try file.nextDataSetChunk()
            case .whole(let bytes):
                state = .done
                return bytes
            case .unopened, .done:
                return nil
            }
        }
    }

    private func open() throws -> State {
        switch source {
        case .synthetic(let instance):
            return .synthetic(try instance.chunks(in: transferSyntax))
        case .file(let path, let stored) where stored == transferSyntax.uid:
            return .file(try DICOMFile(path: path))
        case .file, .memory:
            return .whole(try source.encoded(in: transferSyntax))
        }
    }
}
