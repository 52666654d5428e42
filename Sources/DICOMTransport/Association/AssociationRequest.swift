import DICOMProtocol

/// What a requestor (SCU) needs to open an association (PS3.8 §9.3.2): whom to call, as whom,
/// which presentation contexts to propose, and its timeouts.
public struct AssociationRequest: Sendable {
    public var host: String
    public var port: UInt16
    public var calledAETitle: AETitle
    public var callingAETitle: AETitle
    public var presentationContexts: [PresentationContextRQ]
    /// The Maximum Length we advertise (PS3.8 §D.1) and enforce on received P-DATA-TF.
    public var maximumLength: UInt32
    public var roleSelections: [RoleSelection]
    public var timeouts: AssociationTimeouts
    /// TLS (PS3.15 Annex B.1) with this context; `nil`: plain TCP.
    public var tls: TLSContext?
    /// The Asynchronous Operations Window to propose (PS3.7 §D.3.3.3); `nil`: none, the
    /// association is synchronous. The acceptor's answer is `NegotiatedAssociation.requestorOperationsWindow`.
    public var asynchronousOperationsWindow: AsynchronousOperationsWindow?

    public init(
        host: String, port: UInt16, calledAETitle: AETitle, callingAETitle: AETitle,
        presentationContexts: [PresentationContextRQ], maximumLength: UInt32 = PDUDecoder.defaultMaximumPDULength,
        roleSelections: [RoleSelection] = [], timeouts: AssociationTimeouts = AssociationTimeouts(),
        tls: TLSContext? = nil, asynchronousOperationsWindow: AsynchronousOperationsWindow? = nil
    ) {
        self.host = host
        self.port = port
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.presentationContexts = presentationContexts
        self.maximumLength = maximumLength
        self.roleSelections = roleSelections
        self.timeouts = timeouts
        self.tls = tls
        self.asynchronousOperationsWindow = asynchronousOperationsWindow
    }

    /// One context per abstract syntax, IDs 1, 3, 5, …, each offering `transferSyntaxes`.
    public static func contexts(abstractSyntaxes: [String], transferSyntaxes: [String]) -> [PresentationContextRQ] {
        abstractSyntaxes.enumerated().map { index, syntax in
            PresentationContextRQ(id: UInt8(truncatingIfNeeded: 2 * index + 1), abstractSyntax: syntax, transferSyntaxes: transferSyntaxes)
        }
    }

    /// The A-ASSOCIATE-RQ, with our implementation identification (PS3.7 Annex D.3.3.2).
    public var associateRQ: AssociateRQ {
        AssociateRQ(
            calledAETitle: calledAETitle, callingAETitle: callingAETitle, presentationContexts: presentationContexts,
            userInformation: UserInformation(
                maximumLength: maximumLength, implementationClassUID: UID.implementationClassUID,
                implementationVersionName: UID.implementationVersionName,
                asynchronousOperationsWindow: asynchronousOperationsWindow, roleSelections: roleSelections))
    }
}
