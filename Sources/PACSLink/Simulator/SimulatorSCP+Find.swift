import DICOMProtocol
import DICOMTransport

/// C-FIND SCP (PS3.4 §C.4.1): one Pending response per match, then Success; a C-CANCEL-RQ
/// seen between responses ends it with Cancel (0xFE00, PS3.4 §C.4.1.1.4.2).
extension SimulatorSCP {
    func find(_ request: CFindRQ, identifier bytes: [UInt8], context: AcceptedPresentationContext, on association: isolated Association) async {
        let responses: [(response: CFindRSP, identifier: DataSet?)]
        do {
            responses = pacs.archive.snapshot.responses(to: request, identifier: try Self.decode(bytes, on: context))
        } catch {
            responses = [(
                CFindRSP(
                    messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                    status: .dataSetDoesNotMatchSOPClass, hasDataSet: false, errorComment: String(error.detail.prefix(64))),
                nil
            )]
        }
        var matches = 0
        for (response, identifier) in responses {
            await delay()
            if isCancelled(request.messageID) {
                finish(request, matches: matches, .cancel, context: context, on: association)
                return
            }
            if response.status.isPending {
                guard let identifier, let encoded = try? Self.encode(identifier, on: context) else { continue }
                matches += 1
                association.respond(response, contextID: context.id, dataSet: encoded)
            } else {
                association.respond(response, contextID: context.id)
                pacs.onEvent(.service(.found(calling: callingAETitle.value, matches: matches, status: response.status)))
            }
        }
    }

    private func finish(
        _ request: CFindRQ, matches: Int, _ status: DIMSEStatus, context: AcceptedPresentationContext, on association: isolated Association
    ) {
        association.respond(
            CFindRSP(messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID, status: status, hasDataSet: false),
            contextID: context.id)
        pacs.onEvent(.service(.found(calling: callingAETitle.value, matches: matches, status: status)))
    }
}
