import DICOMProtocol
import DICOMTransport

/// The Verification SOP Class as SCP (PS3.4 Annex A): answers every C-ECHO-RQ with Success.
/// `onEcho` hears each one (peer, calling AE title), for logs.
public struct VerificationSCP: DIMSEServiceHandler {
    public let onEcho: @Sendable (_ peer: String) -> Void

    public init(onEcho: @escaping @Sendable (_ peer: String) -> Void = { _ in }) {
        self.onEcho = onEcho
    }

    /// Verification with the transfer syntaxes every peer offers (PS3.5 §10.1, §A.2).
    public static let policy = AcceptorPolicy(
        presentationContexts: PresentationContextPolicy(transferSyntaxes: [
            SOPClass.verification.uid: [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]
        ]),
        implementationClassUID: UID.implementationClassUID, implementationVersionName: UID.implementationVersionName)

    public func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        guard case .cEchoRQ(let echo) = request else {
            // Only the Verification context is accepted, so anything else breaks PS3.7 §9.1.
            association.abort()
            return
        }
        association.respond(
            CEchoRSP(messageIDBeingRespondedTo: echo.messageID, affectedSOPClassUID: echo.affectedSOPClassUID, status: .success),
            contextID: context.id)
        onEcho(association.peer)
    }
}
