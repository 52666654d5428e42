import DICOMProtocol
import DICOMTransport

/// Opening a query/retrieve association to a peer described by an `EchoTarget` (host, port,
/// AE titles, timeout, TLS): the part C-FIND, C-MOVE and C-GET share.
enum PeerAssociation {
    /// Associates with `target` proposing `contexts` (and `roleSelections`, for C-GET).
    static func open(
        _ target: EchoTarget, contexts: [PresentationContextRQ], roleSelections: [RoleSelection] = [],
        maximumLength: UInt32 = PDUDecoder.defaultMaximumPDULength, on loop: EventLoop
    ) async throws(QueryRetrieveFailure) -> Association {
        var tls: TLSContext?
        if let configuration = target.tls {
            do { tls = try TLSContext(configuration) } catch { throw QueryRetrieveFailure("TLS: \(error.detail)") }
        }
        let called: AETitle
        let calling: AETitle
        do {
            called = try AETitle(validating: target.calledAETitle, field: "called AE title")
            calling = try AETitle(validating: target.callingAETitle, field: "calling AE title")
        } catch {
            throw QueryRetrieveFailure(error.detail)
        }
        let request = AssociationRequest(
            host: target.host, port: target.port, calledAETitle: called, callingAETitle: calling,
            presentationContexts: contexts, maximumLength: maximumLength, roleSelections: roleSelections,
            timeouts: .uniform(target.timeout), tls: tls)
        do {
            return try await Association.request(request, on: loop)
        } catch {
            throw QueryRetrieveFailure(association: error)
        }
    }

    /// Explicit then Implicit VR Little Endian: what every query/retrieve SCP accepts for its
    /// identifiers (PS3.5 §10.1).
    static let uncompressed = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]

    /// The identifier in the accepted context's transfer syntax.
    static func encode(_ identifier: DataSet, for context: AcceptedPresentationContext?) throws(QueryRetrieveFailure) -> [UInt8] {
        do {
            return try DataSetEncoder(encoding: encoding(of: context)).encode(identifier)
        } catch {
            throw QueryRetrieveFailure("cannot encode the identifier: \(error)")
        }
    }

    static func encoding(of context: AcceptedPresentationContext?) -> DataSetEncoding {
        context?.transferSyntax == TransferSyntax.implicitVRLittleEndian.uid ? .implicitVRLittleEndian : .explicitVRLittleEndian
    }

    /// Sends `request` and waits for its final response; cancelling the calling task sends
    /// C-CANCEL-RQ for it (PS3.7 §9.3.2.3, §9.3.3.3, §9.3.4.3), and the SCP's final response
    /// (0xFE00 Cancel) still ends the wait.
    static func sendCancellable<Request: DIMSERequest>(
        _ request: Request, on association: isolated Association, abstractSyntax: String, dataSet: [UInt8],
        onPending: @escaping PendingResponseHandler
    ) async -> Result<DIMSECommand, AssociationError> {
        await withTaskCancellationHandler { () async -> Result<DIMSECommand, AssociationError> in
            do throws(AssociationError) {
                return .success(try await association.send(request, abstractSyntax: abstractSyntax, dataSet: dataSet, onPending: onPending))
            } catch {
                return .failure(error)
            }
        } onCancel: {
            Task { await association.cancel(messageID: request.messageID, abstractSyntax: abstractSyntax) }
        }
    }
}
