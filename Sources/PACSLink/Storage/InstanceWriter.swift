import DICOMProtocol

/// Writes one received instance as a Part 10 file, streamed: data-set chunks are appended as
/// PDVs arrive and go straight to a temporary file, so a large instance is never held whole in
/// memory. Only the first bytes are held, until the Study and Series Instance UIDs that name the
/// destination directory have been read (`InstanceIdentity`); the temporary file is then created
/// in that directory, the File Meta Information written, and the held bytes after it.
///
/// `finish()` flushes (per the store's `FlushPolicy`) and renames the file into place, and
/// returns success only after the rename. Every failure leaves no file behind and carries the
/// C-STORE-RSP status to answer (`StorageError`). A second instance with the same SOP Instance
/// UID replaces the first atomically and is answered with plain success: a PACS resending an
/// instance (a retried move) means it to be the current copy, and a warning would only make it
/// count a warning sub-operation.
///
/// Blocking and not thread-safe: call it from one thread at a time, off the event loop. After a
/// failure `append` discards the rest of the data set, which must still be read off the wire.
public final class InstanceWriter: @unchecked Sendable {
    public let instance: IncomingInstance
    private let store: InstanceStore
    private var state: State

    private enum State {
        case awaitingIdentity(encoding: DataSetEncoding, prefix: [UInt8])
        case writing(AtomicFileWriter, InstanceIdentity)
        case failed(StorageError)
        case closed
    }

    init(instance: IncomingInstance, store: InstanceStore) {
        self.instance = instance
        self.store = store
        let syntax = TransferSyntax(uid: instance.transferSyntaxUID)
        do throws(ProtocolError) {
            let encoding = try Part10Header(fileMetaInformation: nil, transferSyntax: syntax, dataSetOffset: 0).dataSetEncoding()
            state = .awaitingIdentity(encoding: encoding, prefix: [])
        } catch {
            state = .failed(StorageError(.cannotUnderstand, "cannot read a data set in \(syntax): \(error.detail)"))
        }
    }

    /// The data set's UIDs, once its first bytes have been read: for routing a store that the
    /// router found ambiguous (`SubAssociationRouter.resolve`).
    public var identity: InstanceIdentity? {
        if case .writing(_, let identity) = state { return identity }
        return nil
    }

    /// The failure so far, if any: the association may answer early, but must still read the
    /// rest of the data set.
    public var failure: StorageError? {
        if case .failed(let error) = state { return error }
        return nil
    }

    /// Appends the next bytes of the data set.
    public func append(_ chunk: ArraySlice<UInt8>) {
        switch state {
        case .awaitingIdentity(let encoding, var prefix) where !prefix.isEmpty:
            state = .closed  // drop our reference so `prefix` grows in place
            prefix.append(contentsOf: chunk)
            identify(encoding: encoding, prefix: prefix[...], isComplete: false)
        case .awaitingIdentity(let encoding, _):
            identify(encoding: encoding, prefix: chunk, isComplete: false)  // no copy of a first chunk that holds the UIDs
        case .writing(let writer, _):
            do throws(FileError) { try writer.write(chunk) } catch { state = .failed(StorageError(error)) }
        case .failed, .closed:
            return
        }
    }

    public func append(_ chunk: [UInt8]) { append(chunk[...]) }

    /// The data set is complete: flush, rename, report. The file exists at `StoredInstance.file`
    /// only when this returns success.
    public func finish() -> Result<StoredInstance, StorageError> {
        if case .awaitingIdentity(let encoding, let prefix) = state {
            identify(encoding: encoding, prefix: prefix[...], isComplete: true)
        }
        defer { state = .closed }
        switch state {
        case .writing(let writer, let identity):
            do throws(FileError) {
                try writer.commit()
            } catch {
                return .failure(StorageError(error))
            }
            return .success(StoredInstance(
                file: writer.destination.path, sopClassUID: instance.sopClassUID, sopInstanceUID: instance.sopInstanceUID,
                studyInstanceUID: identity.studyInstanceUID ?? "", seriesInstanceUID: identity.seriesInstanceUID ?? "",
                size: writer.size))
        case .failed(let error):
            return .failure(error)
        case .awaitingIdentity, .closed:
            return .failure(StorageError(.cannotUnderstand, "the store of \(instance.sopInstanceUID) was already finished or aborted"))
        }
    }

    /// The association ended mid-instance: remove the temporary file.
    public func abort() {
        if case .writing(let writer, _) = state { writer.abort() }
        state = .closed
    }

    private func identify(encoding: DataSetEncoding, prefix: ArraySlice<UInt8>, isComplete: Bool) {
        do throws(StorageError) {
            let found: InstanceIdentity?
            do throws(ProtocolError) {
                found = try InstanceIdentity.scan(prefix, encoding: encoding, isComplete: isComplete)
            } catch {
                throw StorageError(.cannotUnderstand, "data set of \(instance.sopInstanceUID) is malformed: \(error)")
            }
            guard let identity = found else {
                guard prefix.count <= store.maximumIdentityLength else {
                    throw StorageError(.cannotUnderstand, "no Series Instance UID in the first \(store.maximumIdentityLength) bytes of \(instance.sopInstanceUID)")
                }
                state = .awaitingIdentity(encoding: encoding, prefix: Array(prefix))
                return
            }
            state = .writing(try open(identity, prefix: prefix), identity)
        } catch {
            state = .failed(error)
        }
    }

    /// Checks the data set against the command (PS3.4 §B.2.3), then creates the temporary file
    /// and writes the File Meta Information and the bytes held so far.
    private func open(_ identity: InstanceIdentity, prefix: ArraySlice<UInt8>) throws(StorageError) -> AtomicFileWriter {
        try check(identity.sopInstanceUID, equals: instance.sopInstanceUID, "SOP Instance UID (0008,0018)")
        try check(identity.sopClassUID, equals: instance.sopClassUID, "SOP Class UID (0008,0016)")
        guard let study = identity.studyInstanceUID, let series = identity.seriesInstanceUID else {
            throw StorageError(.cannotUnderstand, "data set of \(instance.sopInstanceUID) has no Study or Series Instance UID")
        }
        let destination = try store.layout.fileURL(
            studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: instance.sopInstanceUID,
            disposition: instance.disposition)
        let header: [UInt8]
        do {
            header = try FileMetaInformation(
                mediaStorageSOPClassUID: instance.sopClassUID, mediaStorageSOPInstanceUID: instance.sopInstanceUID,
                transferSyntaxUID: instance.transferSyntaxUID, sourceApplicationEntityTitle: instance.callingAETitle
            ).encoded()
        } catch {
            throw StorageError(.cannotUnderstand, "cannot build the File Meta Information: \(error)")
        }
        do throws(FileError) {
            let writer = try AtomicFileWriter(
                destination: destination, flush: store.flush, mode: store.mode, fileSystem: store.fileSystem)
            try writer.write(header)
            try writer.write(prefix)
            return writer
        } catch {
            throw StorageError(error)
        }
    }

    private func check(_ found: String?, equals expected: String, _ field: String) throws(StorageError) {
        guard let found else {
            throw StorageError(.cannotUnderstand, "data set has no \(field); the command names \(expected)")
        }
        guard found == expected else {
            throw StorageError(.dataSetMismatch, "data set \(field) \(found) differs from the command's \(expected)")
        }
    }
}
