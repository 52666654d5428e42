import DICOMProtocol
import DICOMTransport

/// Opening a query/retrieve association to a peer described by an `EchoTarget` (host, port,
/// AE titles, timeout, TLS): the part C-FIND, C-MOVE and C-GET share.
enum PeerAssociation {
    /// Associates with `target` proposing `contexts` (and `roleSelections`, for C-GET).
    static func open(
        _ target: EchoTarget, contexts: [PresentationContextRQ], roleSelections: [RoleSelection] = [], on loop: EventLoop
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
            presentationContexts: contexts, roleSelections: roleSelections, timeouts: .uniform(target.timeout), tls: tls)
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
}
