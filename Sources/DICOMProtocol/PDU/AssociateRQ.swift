/// A-ASSOCIATE-RQ PDU (PS3.8 §9.3.2, Table 9-11): what the requestor proposes.
public struct AssociateRQ: Sendable, Hashable {
    /// The DICOM Application Context Name (PS3.7 Annex A.2.1), the only one defined.
    public static let dicomApplicationContextName = "1.2.840.10008.3.1.1.1"

    /// Bit 0 set: version 1 (PS3.8 §9.3.2).
    public var protocolVersion: UInt16
    public var calledAETitle: AETitle
    public var callingAETitle: AETitle
    public var applicationContextName: String
    public var presentationContexts: [PresentationContextRQ]
    public var userInformation: UserInformation

    public init(
        calledAETitle: AETitle, callingAETitle: AETitle, presentationContexts: [PresentationContextRQ],
        userInformation: UserInformation, applicationContextName: String = dicomApplicationContextName,
        protocolVersion: UInt16 = 1
    ) {
        self.protocolVersion = protocolVersion
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }

    init(decoding body: inout ItemCursor) throws {
        let b = try AssociateBody<PresentationContextRQ>(decoding: &body)
        self.init(
            calledAETitle: b.calledAETitle, callingAETitle: b.callingAETitle,
            presentationContexts: b.presentationContexts, userInformation: b.userInformation,
            applicationContextName: b.applicationContextName, protocolVersion: b.protocolVersion)
    }

    func encode(into writer: inout ByteWriter) {
        AssociateBody(
            protocolVersion: protocolVersion, calledAETitle: calledAETitle, callingAETitle: callingAETitle,
            applicationContextName: applicationContextName, presentationContexts: presentationContexts,
            userInformation: userInformation
        ).encode(into: &writer)
    }
}
