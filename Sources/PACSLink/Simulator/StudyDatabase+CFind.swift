import DICOMProtocol

/// The C-FIND SCP's answers (PS3.4 §C.4.1.2, §C.4.1.3), ready for the transport to send.
extension StudyDatabase {
    /// The C-FIND-RSPs answering `request` with `identifier`, in order: one Pending response
    /// per match carrying its identifier — status 0xFF01 instead of 0xFF00 when the request
    /// has optional keys PACSLink does not match on (PS3.4 Table C.4-1) — then Success without
    /// a data set. A request whose SOP class is not Patient or Study Root FIND gets 0x0122
    /// (SOP Class Not Supported); an identifier that breaks the model's rules gets 0xA900
    /// (Identifier Does Not Match SOP Class) with the reason as Error Comment.
    public func responses(to request: CFindRQ, identifier: DataSet) -> [(response: CFindRSP, identifier: DataSet?)] {
        let final = { (status: DIMSEStatus, comment: String?) in
            CFindRSP(
                messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                status: status, hasDataSet: false, errorComment: comment)
        }
        guard let model = QueryModel(sopClassUID: request.affectedSOPClassUID),
            model.findSOPClass.uid == request.affectedSOPClassUID
        else {
            return [(final(.sopClassNotSupported, nil), nil)]
        }
        let query: QueryRequest
        do {
            query = try QueryRequest(identifier: identifier, model: model)
        } catch {
            return [(final(error.status, error.errorComment), nil)]
        }
        let pending: DIMSEStatus = query.unsupportedKeys.isEmpty ? .pending : .pendingOptionalKeysNotSupported
        let matches = find(query).map { match in
            (
                response: CFindRSP(
                    messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                    status: pending, hasDataSet: true),
                identifier: Optional(match)
            )
        }
        return matches + [(final(.success, nil), nil)]
    }
}
