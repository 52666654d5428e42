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

    /// A sink for the data set of `request` as it arrives, or `nil` (the default) to receive
    /// it whole in `association(_:received:dataSet:context:)`.
    func association(
        _ association: isolated Association, streamDataSetOf request: DIMSECommand, context: AcceptedPresentationContext
    ) -> (any DIMSEDataSetSink)?
}

/// Hears a pending response to a request this association sent (PS3.7 §9.1: C-FIND matches
/// with their identifier, C-MOVE/C-GET sub-operation counts), on the association's loop.
public typealias PendingResponseHandler = @Sendable (_ response: DIMSECommand, _ dataSet: [UInt8]?) -> Void

/// Receives the data set of one incoming request as it arrives, fragment by fragment (the
/// slices are only valid during the call), instead of whole: a Storage SCP writes a large
/// instance to disk while it is still on the wire. Used on the association's loop only.
public protocol DIMSEDataSetSink: AnyObject {
    func append(_ fragment: ArraySlice<UInt8>)
    /// The last fragment has arrived: answer the request (now or later, from the loop).
    func finish(_ association: isolated Association)
    /// The association ended before the data set was complete.
    func abort()
    /// Bytes appended but not yet consumed (e.g. queued for a disk write). Above the
    /// association's `dataSetSinkHighWaterMark` it stops reading from the connection, until
    /// the sink reports through its drain handler that this fell to half the mark or below.
    var pendingByteCount: Int { get }
    /// Sets what the sink calls, on the association's loop, each time `pendingByteCount` went
    /// down (also after `finish`), replacing any earlier handler.
    func setDrainHandler(_ handler: @escaping () -> Void)
}

extension DIMSEDataSetSink {
    /// A sink that consumes each fragment during `append` holds nothing back.
    public var pendingByteCount: Int { 0 }
    public func setDrainHandler(_ handler: @escaping () -> Void) {}
}

extension DIMSEServiceHandler {
    public func association(
        _ association: isolated Association, streamDataSetOf request: DIMSECommand, context: AcceptedPresentationContext
    ) -> (any DIMSEDataSetSink)? { nil }
}
