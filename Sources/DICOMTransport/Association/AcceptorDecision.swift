import DICOMProtocol

/// An acceptor's answer to an A-ASSOCIATE-RQ (PS3.8 §9.3.3–9.3.4): accept under a negotiation
/// policy and hand the association's requests to a service, or reject with the standard's
/// result, source and reason.
public enum AcceptorDecision: Sendable {
    case accept(AcceptorPolicy, any DIMSEServiceHandler)
    case reject(AssociateRJ)
}

/// Serves the DIMSE requests arriving on an accepted association (a Verification SCP, a
/// Storage SCP, …). Called on the association's loop, synchronously, once per complete
/// message; it answers with `association.respond(…)` right away or later.
public protocol DIMSEServiceHandler: Sendable {
    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext)
}
