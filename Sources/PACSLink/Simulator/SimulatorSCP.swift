import DICOMProtocol
import DICOMTransport

/// The service a simulated PACS runs on one accepted association: answers C-ECHO, C-STORE,
/// C-FIND, C-MOVE and C-GET requests (PS3.4 Annexes A, B, C) and honours C-CANCEL between
/// responses (PS3.7 §9.3.2.3, §9.3.3.3, §9.3.4.3).
///
/// One instance per association; its state is touched only on that association's loop (in
/// the handler call and in tasks isolated to the association), hence `@unchecked Sendable`.
final class SimulatorSCP: DIMSEServiceHandler, @unchecked Sendable {
    let pacs: SimulatedPACS
    let callingAETitle: AETitle
    private var operations = 0
    private var cancelled: Set<UInt16> = []
    private var lastMessageID: UInt16 = 0

    init(pacs: SimulatedPACS, callingAETitle: AETitle) {
        self.pacs = pacs
        self.callingAETitle = callingAETitle
    }

    var misbehaviour: SimulatedPACS.Misbehaviour { pacs.configuration.misbehaviour }

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        if case .cCancelRQ(let cancel) = request {
            cancelled.insert(cancel.messageIDBeingRespondedTo)
            return
        }
        guard admit(on: association) else { return }
        Task { [self] in
            await association.run { association in
                await serve(request, dataSet: dataSet, context: context, on: association)
            }
        }
    }

    /// A C-STORE with folder storage streams its data set to disk as it arrives (`StoreSink`);
    /// every other request is received whole.
    func association(
        _ association: isolated Association, streamDataSetOf request: DIMSECommand, context: AcceptedPresentationContext
    ) -> (any DIMSEDataSetSink)? {
        guard case .cStoreRQ(let store) = request, case .folder(let root) = pacs.configuration.storage, admit(on: association)
        else { return nil }
        return sink(for: store, root: root, context: context, on: association)
    }

    /// Counts a request; past `Misbehaviour.abortAfterOperations` aborts the association instead.
    private func admit(on association: isolated Association) -> Bool {
        operations += 1
        guard let limit = misbehaviour.abortAfterOperations, operations > limit else { return true }
        association.abort()
        return false
    }

    private func serve(_ request: DIMSECommand, dataSet: [UInt8]?, context: AcceptedPresentationContext, on association: isolated Association) async {
        switch request {
        case .cEchoRQ(let echo):
            await delay()
            association.respond(
                CEchoRSP(messageIDBeingRespondedTo: echo.messageID, affectedSOPClassUID: echo.affectedSOPClassUID, status: .success),
                contextID: context.id)
            pacs.onEvent(.service(.echo(calling: callingAETitle.value)))
        case .cStoreRQ(let store): await self.store(store, dataSet: dataSet ?? [], context: context, on: association)
        case .cFindRQ(let find): await self.find(find, identifier: dataSet ?? [], context: context, on: association)
        case .cMoveRQ(let move): await self.move(move, identifier: dataSet ?? [], context: context, on: association)
        case .cGetRQ(let get): await self.get(get, identifier: dataSet ?? [], context: context, on: association)
        default:
            // A response or a request of a service we did not accept breaks PS3.7 §9.1.
            association.abort()
        }
    }

    /// Waits `Misbehaviour.responseDelay`, if any.
    func delay() async {
        if let delay = misbehaviour.responseDelay { try? await Task.sleep(for: delay) }
    }

    /// Whether the peer cancelled the operation with this Message ID.
    func isCancelled(_ messageID: UInt16) -> Bool { cancelled.contains(messageID) }

    /// A fresh Message ID for a C-STORE sub-operation we send on this association (C-GET).
    func nextMessageID() -> UInt16 {
        lastMessageID &+= 1
        return lastMessageID
    }

    /// Decodes an identifier received on `context`.
    static func decode(_ bytes: [UInt8], on context: AcceptedPresentationContext) throws(ProtocolError) -> DataSet {
        try DataSetDecoder(encoding: encoding(of: context)).decode(bytes)
    }

    /// Encodes an identifier to send on `context`.
    static func encode(_ dataSet: DataSet, on context: AcceptedPresentationContext) throws(ProtocolError) -> [UInt8] {
        try DataSetEncoder(encoding: encoding(of: context)).encode(dataSet)
    }

    private static func encoding(of context: AcceptedPresentationContext) throws(ProtocolError) -> DataSetEncoding {
        try Part10Header(fileMetaInformation: nil, transferSyntax: TransferSyntax(uid: context.transferSyntax), dataSetOffset: 0)
            .dataSetEncoding()
    }
}
