import DICOMProtocol
import DICOMTransport

/// The Query/Retrieve C-GET SCU (PS3.4 §C.4.3): the instances come back as C-STORE
/// sub-operations on the C-GET's own association, so we propose, next to the GET SOP class,
/// one storage context per SOP class we expect with SCP role selection (PS3.8 §D.3.3.4) — at
/// most 127 of them (128 contexts in all, PS3.8 §9.3.2.2). The classes are those an image-level
/// C-FIND finds in what is retrieved, when the PACS returns SOP Class UID (0008,0016), else
/// `commonStorageClasses`. `preferredTransferSyntax` (the server's compression) is proposed
/// first, then Explicit and Implicit VR Little Endian.
public enum GetSCU {
    public static func retrieve(
        _ target: EchoTarget, request: RetrieveRequest, store: InstanceStore, coordinator: RetrieveCoordinator,
        preferredTransferSyntax: String? = nil, on loop: EventLoop
    ) async throws(QueryRetrieveFailure) -> RetrieveOutcome {
        let getClass = QueryModel.studyRoot.getSOPClass.uid
        let storageClasses = await storageClasses(target, request: request, on: loop)
        let syntaxes = (preferredTransferSyntax.map { [$0] } ?? []) + PeerAssociation.uncompressed.filter { $0 != preferredTransferSyntax }
        var contexts = AssociationRequest.contexts(abstractSyntaxes: [getClass], transferSyntaxes: PeerAssociation.uncompressed)
        contexts += AssociationRequest.contexts(abstractSyntaxes: [getClass] + storageClasses, transferSyntaxes: syntaxes).dropFirst()
        let roles = storageClasses.map { RoleSelection(sopClassUID: $0, scuRole: false, scpRole: true) }
        let move: PendingMove
        do {
            move = try coordinator.register(request)
        } catch {
            throw QueryRetrieveFailure(error.description)
        }
        let association: Association
        do {
            // The instances come to us on this association: advertise the storage listener's
            // Maximum Length (256 KiB), not DCMTK's 16 KiB, as `listen` does for C-MOVE.
            association = try await PeerAssociation.open(
                target, contexts: contexts, roleSelections: roles, maximumLength: StorageSCP.maximumPDULength, on: loop)
        } catch {
            coordinator.abandon(move.id)
            throw error
        }
        let scp = StorageSCP(
            store: store, coordinator: coordinator, callingAETitle: target.calledAETitle,
            peerAddress: AcceptancePolicy.host(ofPeer: await association.peer), getRetrieve: move.id)
        let sent: Result<CGetRSP, QueryRetrieveFailure> = await association.run { association in
            association.serve(scp)
            return await RetrieveExchange.run(
                CGetRQ(messageID: move.messageID, affectedSOPClassUID: getClass), abstractSyntax: getClass,
                request: request, coordinator: coordinator, on: association
            ) { if case .cGetRSP(let rsp) = $0 { rsp } else { nil } }
        }
        switch sent {
        case .success(let final):
            coordinator.receive(final)
            return await coordinator.outcome(of: move.id)
        case .failure(let error):
            coordinator.abandon(move.id)
            throw error
        }
    }

    /// The SOP classes of the instances to retrieve, by an image-level C-FIND; `common…` when
    /// the find fails or the PACS does not return SOP Class UID. At most 127.
    static func storageClasses(_ target: EchoTarget, request: RetrieveRequest, on loop: EventLoop) async -> [String] {
        let found = FoundClasses()
        let seriesList = request.seriesInstanceUIDs.isEmpty ? [nil] : request.seriesInstanceUIDs.map { Optional($0) }
        for series in seriesList {
            var keys = ["StudyInstanceUID=\(request.studyInstanceUID)", "SOPClassUID"]
            keys.append(series.map { "SeriesInstanceUID=\($0)" } ?? "SeriesInstanceUID")
            guard let identifier = try? QueryKeys.identifier(level: .image, model: .studyRoot, keys: keys) else { break }
            _ = try? await FindSCU.find(target, model: .studyRoot, identifier: identifier, on: loop) { match in
                if let uid = match.uid(.sopClassUID), !uid.isEmpty { found.insert(uid) }
            }
        }
        let classes = found.sorted
        return Array((classes.isEmpty ? commonStorageClasses : classes).prefix(127))
    }

    /// Storage SOP classes proposed when what is retrieved is not known: the common image,
    /// structured report, RT and document classes (PS3.4 Annex B.5).
    public static let commonStorageClasses: [String] = [
        "1", "1.1", "1.1.1", "1.2", "1.2.1", "2", "2.1", "3.1", "4", "4.1", "6.1", "7", "7.1", "7.2", "7.3", "7.4",
        "11.1", "12.1", "12.2", "20", "66", "66.4", "77.1.4", "88.11", "88.22", "88.33", "88.59", "104.1", "128",
        "481.1", "481.2", "481.3", "481.5",
    ].map { "1.2.840.10008.5.1.4.1.1." + $0 }
}

/// SOP class UIDs collected from find matches (on the association's loop).
private final class FoundClasses: @unchecked Sendable {
    private var uids: Set<String> = []
    func insert(_ uid: String) { uids.insert(uid) }
    var sorted: [String] { uids.sorted() }
}
