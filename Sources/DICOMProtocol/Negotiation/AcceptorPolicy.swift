/// Everything an acceptor needs to answer an A-ASSOCIATE-RQ (PS3.8 §9.3.3): what it supports
/// and how it identifies itself.
public struct AcceptorPolicy: Sendable, Hashable {
    public var presentationContexts: PresentationContextPolicy
    /// SOP classes for which the requestor may act as SCP (PS3.8 §D.3.3.4), e.g. storage
    /// classes when we serve C-GET.
    public var requestorSCPAllowed: Set<String>
    /// The Maximum Length we advertise (PS3.8 §D.1); 0 = unlimited. Set the PDU decoder's
    /// `maximumPDULength` to the same value.
    public var maximumLength: UInt32
    public var implementationClassUID: String
    public var implementationVersionName: String?
    /// How many operations we perform at once on one association (PS3.7 §D.3.3.3): the most
    /// we grant a requestor that proposes an Asynchronous Operations Window; 0 = unlimited,
    /// 1 (the default) = synchronous.
    public var maximumOperationsPerformed: UInt16

    public init(
        presentationContexts: PresentationContextPolicy, requestorSCPAllowed: Set<String> = [],
        maximumLength: UInt32 = PDUDecoder.defaultMaximumPDULength, implementationClassUID: String,
        implementationVersionName: String? = nil, maximumOperationsPerformed: UInt16 = 1
    ) {
        self.presentationContexts = presentationContexts
        self.requestorSCPAllowed = requestorSCPAllowed
        self.maximumLength = maximumLength
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
        self.maximumOperationsPerformed = maximumOperationsPerformed
    }
}
