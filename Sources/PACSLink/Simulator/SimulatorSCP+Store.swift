import DICOMProtocol
import DICOMTransport
import Foundation

/// Storage SCP (PS3.4 Annex B): keeps the instance in memory or writes it as a Part 10 file,
/// and adds it to the archive, before answering Success. A data set that does not decode is
/// answered 0xC000 (Cannot understand), one without its unique keys 0xA900.
extension SimulatorSCP {
    func store(_ request: CStoreRQ, dataSet bytes: [UInt8], context: AcceptedPresentationContext, on association: isolated Association) async {
        await delay()
        let (status, comment) = await keep(request, bytes, context: context, pool: BlockingWorkPool(loop: association.eventLoop))
        association.respond(
            CStoreRSP(
                messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: status, errorComment: comment),
            contextID: context.id)
        pacs.onEvent(.service(.stored(calling: callingAETitle.value, sopInstanceUID: request.affectedSOPInstanceUID, status: status)))
    }

    private func keep(
        _ request: CStoreRQ, _ bytes: [UInt8], context: AcceptedPresentationContext, pool: BlockingWorkPool
    ) async -> (DIMSEStatus, String?) {
        let dataSet: DataSet
        do {
            dataSet = try Self.decode(bytes, on: context)
        } catch {
            return (.unableToProcess, String("cannot decode the data set: \(error.detail)".prefix(64)))
        }
        let source: InstanceSource
        switch pacs.configuration.storage {
        case .memory:
            source = .memory(dataSet: bytes, transferSyntaxUID: context.transferSyntax)
        case .folder(let root):
            let store = InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: root)))
            let incoming = IncomingInstance(
                request, transferSyntaxUID: context.transferSyntax, callingAETitle: callingAETitle.value, disposition: .received)
            let written = await pool.run { () -> Result<StoredInstance, StorageError> in
                let writer = store.begin(incoming)
                writer.append(bytes)
                return writer.finish()
            }
            switch written {
            case .success(let stored): source = .file(path: stored.file, transferSyntaxUID: context.transferSyntax)
            case .failure(let error): return (error.status, error.errorComment)
            }
        }
        do {
            try pacs.archive.add(dataSet, source: source)
        } catch {
            return (.dataSetDoesNotMatchSOPClass, String(error.description.prefix(64)))
        }
        return (.success, nil)
    }
}
