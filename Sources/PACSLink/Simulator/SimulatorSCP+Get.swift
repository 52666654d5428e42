import DICOMProtocol
import DICOMTransport

/// C-GET SCP (PS3.4 §C.4.3): the C-STORE sub-operations go back on the request's own
/// association, on storage contexts for which the requestor took the SCP role by SCP/SCU role
/// selection (PS3.4 §C.4.3.3.1, PS3.8 §D.3.3.4); an instance without one fails its
/// sub-operation.
extension SimulatorSCP {
    func get(_ request: CGetRQ, identifier: [UInt8], context: AcceptedPresentationContext, on association: isolated Association) async {
        let (counts, status) = await retrieve(
            CGetRSP.self, messageID: request.messageID, sopClassUID: request.affectedSOPClassUID, identifier: identifier,
            sopClass: \.getSOPClass, context: context, on: association,
            target: { association, _ in .success(SubOperationTarget(association: association, originator: nil, requireRequestorSCP: true)) },
            finished: { _, _ in })
        pacs.onEvent(.service(.got(calling: callingAETitle.value, subOperations: counts, status: status)))
    }
}
