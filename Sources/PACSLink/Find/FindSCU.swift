import DICOMProtocol
import DICOMTransport

/// The Query/Retrieve C-FIND SCU (PS3.4 §C.4.1): associate with the model's FIND SOP class,
/// send the identifier, hand each pending response's identifier (a match) to `onMatch` as it
/// arrives, release. Cancelling the calling task sends C-CANCEL-RQ (PS3.7 §9.3.2.3); the SCP's
/// final response (0xFE00 Cancel) then ends the find.
public enum FindSCU {
    public struct Outcome: Sendable {
        /// Status of the final C-FIND-RSP: success, cancel (0xFE00), or a failure.
        public var status: DIMSEStatus
        public var statusDescription: String
        public var matches: Int
    }

    public static func find(
        _ target: EchoTarget, model: QueryModel, identifier: DataSet, on loop: EventLoop,
        onMatch: @escaping @Sendable (DataSet) -> Void
    ) async throws(QueryRetrieveFailure) -> Outcome {
        let sopClass = model.findSOPClass.uid
        let association = try await PeerAssociation.open(
            target, contexts: AssociationRequest.contexts(abstractSyntaxes: [sopClass], transferSyntaxes: PeerAssociation.uncompressed),
            on: loop)
        let result: Result<Outcome, QueryRetrieveFailure> = await association.run { association in
            do throws(QueryRetrieveFailure) {
                let context = association.negotiated?.context(abstractSyntax: sopClass)
                let bytes = try PeerAssociation.encode(identifier, for: context)
                let decoder = DataSetDecoder(encoding: PeerAssociation.encoding(of: context))
                let counter = MatchCounter()
                let request = CFindRQ(messageID: 1, affectedSOPClassUID: sopClass)
                let final: DIMSECommand
                let sent = await PeerAssociation.sendCancellable(
                    request, on: association, abstractSyntax: sopClass, dataSet: bytes
                ) { _, dataSet in
                    guard let dataSet, let match = try? decoder.decode(dataSet) else { return }
                    counter.count += 1
                    onMatch(match)
                }
                do throws(AssociationError) {
                    final = try sent.get()
                } catch {
                    association.abort()
                    throw QueryRetrieveFailure(association: error)
                }
                guard case .cFindRSP(let rsp) = final else {
                    association.abort()
                    throw QueryRetrieveFailure("the peer answered the C-FIND-RQ with \(final.commandField)")
                }
                try? await association.release()
                return .success(Outcome(status: rsp.status, statusDescription: rsp.statusDescription, matches: counter.count))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Counts matches (and their identifiers' bytes) on the association's loop: pending
/// responses are handled there, in order.
final class MatchCounter: @unchecked Sendable {
    var count = 0
    var bytes = 0
}
