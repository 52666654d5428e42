import DICOMProtocol
import DICOMTransport

/// The Query/Retrieve C-MOVE SCU (PS3.4 §C.4.2): registers the retrieve with the coordinator
/// (whose Storage SCP must already listen on the port the PACS knows for our AE), asks the PACS
/// to move the study (or series) to our AE, feeds every C-MOVE-RSP to the coordinator, and
/// returns once the final response has come and every counted instance is stored — or the
/// retrieve timed out, saying what is missing.
///
/// A PACS that does not know our AE as a destination answers 0xA801: the failure says to
/// register our AE title, host and listen port on it.
public enum MoveSCU {
    public static func retrieve(
        _ target: EchoTarget, request: RetrieveRequest, listenPort: UInt16, coordinator: RetrieveCoordinator,
        on loop: EventLoop
    ) async throws(QueryRetrieveFailure) -> RetrieveOutcome {
        let sopClass = QueryModel.studyRoot.moveSOPClass.uid
        let move: PendingMove
        do {
            move = try coordinator.register(request)
        } catch {
            throw QueryRetrieveFailure(error.description)
        }
        let association: Association
        do {
            association = try await PeerAssociation.open(
                target, contexts: AssociationRequest.contexts(abstractSyntaxes: [sopClass], transferSyntaxes: PeerAssociation.uncompressed),
                on: loop)
        } catch {
            coordinator.abandon(move.id)
            throw error
        }
        let sent = await association.run { association in
            await exchange(move, request: request, coordinator: coordinator, on: association)
        }
        let final: CMoveRSP
        switch sent {
        case .success(let rsp): final = rsp
        case .failure(let error):
            coordinator.abandon(move.id)
            throw error
        }
        if final.status.code == 0xA801 {
            coordinator.abandon(move.id)
            throw QueryRetrieveFailure(
                "\(target.calledAETitle) refused the move: \(final.statusDescription). Register our AE title "
                    + "\(request.ourAETitle), this host's address and listen port \(listenPort) as a move destination on the PACS.",
                status: final.status)
        }
        coordinator.receive(final)
        return await coordinator.outcome(of: move.id)
    }

    /// The C-MOVE-RQ of registered retrieve `move` (Study Root, our AE as destination) and its
    /// responses on an open `association`, released after the final one when `releasing`.
    static func exchange(
        _ move: PendingMove, request: RetrieveRequest, coordinator: RetrieveCoordinator, releasing: Bool = true,
        on association: isolated Association
    ) async -> Result<CMoveRSP, QueryRetrieveFailure> {
        let sopClass = QueryModel.studyRoot.moveSOPClass.uid
        return await RetrieveExchange.run(
            CMoveRQ(messageID: move.messageID, affectedSOPClassUID: sopClass, moveDestination: request.ourAETitle),
            abstractSyntax: sopClass, request: request, coordinator: coordinator, releasing: releasing, on: association
        ) { if case .cMoveRSP(let rsp) = $0 { rsp } else { nil } }
    }
}

/// The identifier of a study-, series- or image-level C-MOVE/C-GET (PS3.4 §C.4.2.1.4, Study
/// Root): instances need their one series.
enum RetrieveIdentifier {
    static func make(study: String, series: [String], instances: [String] = []) -> DataSet {
        var identifier = DataSet()
        let level = !instances.isEmpty ? "IMAGE" : series.isEmpty ? "STUDY" : "SERIES"
        identifier.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: [level]))
        identifier.setUID(study, for: .studyInstanceUID)
        if !series.isEmpty {
            identifier.insert(DataElement(tag: .seriesInstanceUID, vr: .UI, asciiValues: series))
        }
        if !instances.isEmpty {
            identifier.insert(DataElement(tag: .sopInstanceUID, vr: .UI, asciiValues: instances))
        }
        return identifier
    }
}
