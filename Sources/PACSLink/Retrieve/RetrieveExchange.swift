import DICOMProtocol
import DICOMTransport

/// The exchange C-MOVE and C-GET share on the requestor's association (PS3.4 C.4.2, C.4.3):
/// send the request with its study/series identifier, hand every pending response's counts to
/// the coordinator, take the final response, then release — or abort on any failure.
enum RetrieveExchange {
    /// Runs on `association` (one hop for the whole exchange). `final` picks the expected
    /// response out of the DIMSE command the peer answered with. With `releasing` false the
    /// association stays open after a final response (the load generator's C-MOVE releases or
    /// reuses it); it is aborted on any failure either way.
    static func run<Request: DIMSERequest, Response: RetrieveResponse>(
        _ rq: Request, abstractSyntax: String, request: RetrieveRequest, coordinator: RetrieveCoordinator,
        releasing: Bool = true, on association: isolated Association, final pick: @escaping @Sendable (DIMSECommand) -> Response?
    ) async -> Result<Response, QueryRetrieveFailure> {
        do throws(QueryRetrieveFailure) {
            let identifier = RetrieveIdentifier.make(
                study: request.studyInstanceUID, series: request.seriesInstanceUIDs, instances: request.sopInstanceUIDs)
            let bytes = try PeerAssociation.encode(identifier, for: association.negotiated?.context(abstractSyntax: abstractSyntax))
            // A C-MOVE's stores arrive on other associations, unseen by this one: each restarts
            // its wait for the final response (a C-GET's arrive here and restart it themselves).
            if request.method == .move {
                // A closure on the association's loop, not a task per store begin and end.
                let loop = association.eventLoop
                coordinator.onActivity(ofMessageID: rq.messageID) {
                    loop.execute { association.enterFromLoop { $0.extendResponseWait() } }
                }
            }
            let sent = await PeerAssociation.sendCancellable(rq, on: association, abstractSyntax: abstractSyntax, dataSet: bytes) {
                pending, _ in
                if let rsp = pick(pending) { coordinator.receive(rsp) }
            }
            let final: DIMSECommand
            do throws(AssociationError) {
                final = try sent.get()
            } catch {
                association.abort()
                throw QueryRetrieveFailure(association: error)
            }
            guard let rsp = pick(final) else {
                association.abort()
                throw QueryRetrieveFailure("the peer answered the \(Request.commandField) with \(final.commandField)")
            }
            if releasing { try? await association.release() }
            return .success(rsp)
        } catch {
            return .failure(error)
        }
    }
}
