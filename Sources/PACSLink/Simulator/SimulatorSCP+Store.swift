import DICOMProtocol
import DICOMTransport
import Foundation

/// Storage SCP (PS3.4 Annex B): keeps the instance in memory, or streams it to a Part 10 file
/// under the storage folder (`ReceivedFiles/<study>/<series>/`), and adds it to the archive
/// before answering Success. A data set that does not decode is answered 0xC000 (Cannot
/// understand), one without its unique keys 0xA900, a file that cannot be written with the
/// status of its `StorageError`.
extension SimulatorSCP {
    /// Memory storage: the data set arrived whole (folder storage streams through `sink`).
    func store(_ request: CStoreRQ, dataSet bytes: [UInt8], context: AcceptedPresentationContext, on association: isolated Association) async {
        let result: (DIMSEStatus, String?)
        do {
            result = index(try Self.decode(bytes, on: context), source: .memory(dataSet: bytes, transferSyntaxUID: context.transferSyntax))
        } catch {
            result = (.unableToProcess, String("cannot decode the data set: \(error.detail)".prefix(64)))
        }
        await answer(request, result, context: context, on: association)
    }

    /// Folder storage: a sink writing the data set on libuv's thread pool as it arrives.
    func sink(for request: CStoreRQ, root: String, context: AcceptedPresentationContext, on association: isolated Association) -> any DIMSEDataSetSink {
        let store = InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: root)))
        let incoming = IncomingInstance(
            request, transferSyntaxUID: context.transferSyntax, callingAETitle: callingAETitle.value, disposition: .received)
        return StoreSink(
            scp: self, request: request, context: context,
            writer: PooledInstanceWriter(writer: store.begin(incoming), pool: BlockingWorkPool(loop: association.eventLoop)))
    }

    /// The file is in place (or failed): index it, reading its attributes back on the pool.
    fileprivate func stored(
        _ request: CStoreRQ, _ written: Result<StoredInstance, StorageError>, context: AcceptedPresentationContext,
        on association: isolated Association
    ) async {
        let result: (DIMSEStatus, String?)
        switch written {
        case .failure(let error):
            result = (error.status, error.errorComment)
        case .success(let stored):
            let read = await BlockingWorkPool(loop: association.eventLoop).run { () -> Result<DataSet, FileError> in
                Result { () throws(FileError) -> DataSet in try DICOMFile(path: stored.file).readDataSet() }
            }
            switch read {
            case .success(let dataSet):
                result = index(dataSet, source: .file(path: stored.file, transferSyntaxUID: context.transferSyntax))
            case .failure(let error):
                result = (.unableToProcess, String("cannot read the stored file: \(error)".prefix(64)))
            }
        }
        await answer(request, result, context: context, on: association)
    }

    private func index(_ dataSet: DataSet, source: InstanceSource) -> (DIMSEStatus, String?) {
        do {
            try pacs.archive.add(dataSet, source: source)
            return (.success, nil)
        } catch {
            return (.dataSetDoesNotMatchSOPClass, String(error.description.prefix(64)))
        }
    }

    private func answer(
        _ request: CStoreRQ, _ result: (status: DIMSEStatus, comment: String?), context: AcceptedPresentationContext,
        on association: isolated Association
    ) async {
        await delay()
        association.respond(
            CStoreRSP(
                messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: result.status, errorComment: result.comment),
            contextID: context.id)
        pacs.onEvent(.service(.stored(calling: callingAETitle.value, sopInstanceUID: request.affectedSOPInstanceUID, status: result.status)))
    }
}

/// One C-STORE's data set on its way to a file in the simulator's storage folder.
private final class StoreSink: DIMSEDataSetSink {
    let scp: SimulatorSCP
    let request: CStoreRQ
    let context: AcceptedPresentationContext
    let writer: PooledInstanceWriter

    init(scp: SimulatorSCP, request: CStoreRQ, context: AcceptedPresentationContext, writer: PooledInstanceWriter) {
        self.scp = scp
        self.request = request
        self.context = context
        self.writer = writer
    }

    func append(_ fragment: ArraySlice<UInt8>) {
        writer.append(fragment)
    }

    func finish(_ association: isolated Association) {
        let (scp, request, context) = (scp, request, context)
        writer.finish { [association] written in
            Task { await association.run { association in await scp.stored(request, written, context: context, on: association) } }
        }
    }

    func abort() {
        writer.abort()
    }
}
