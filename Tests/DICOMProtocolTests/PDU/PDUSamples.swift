@testable import DICOMProtocol

/// Bytes from a hex dump ("01 00 0a …", spaces and line breaks ignored).
func hex(_ lines: String...) -> [UInt8] {
    let digits = lines.joined().filter { !$0.isWhitespace }
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        bytes.append(UInt8(digits[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}

/// PDUs with every item and sub-item populated, for round trips and as fuzzing seeds.
enum PDUSamples {
    static let verification = "1.2.840.10008.1.1"
    static let ctImage = "1.2.840.10008.5.1.4.1.1.2"
    static let implicitLE = "1.2.840.10008.1.2"
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let jpegLossless = "1.2.840.10008.1.2.4.70"

    static let fullUserInformationRQ = UserInformation(
        maximumLength: 16_384, implementationClassUID: "1.2.826.0.1.3680043.10.1",
        implementationVersionName: "PACSLINK_01",
        asynchronousOperationsWindow: AsynchronousOperationsWindow(
            maximumNumberOperationsInvoked: 5, maximumNumberOperationsPerformed: 0),
        roleSelections: [RoleSelection(sopClassUID: ctImage, scuRole: false, scpRole: true)],
        sopClassExtendedNegotiations: [
            SOPClassExtendedNegotiation(
                sopClassUID: "1.2.840.10008.5.1.4.1.2.2.1", serviceClassApplicationInformation: [1, 1, 0])
        ],
        sopClassCommonExtendedNegotiations: [
            SOPClassCommonExtendedNegotiation(
                sopClassUID: ctImage, serviceClassUID: "1.2.840.10008.4.2",
                relatedGeneralSOPClassUIDs: ["1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.7"])
        ],
        userIdentityRQ: .username("alice", passcode: "s3cret", positiveResponseRequested: true),
        unknownItems: [UserInformation.RawItem(type: 0x7A, reserved: 3, body: [9, 8, 7])])

    static let associateRQ = AssociateRQ(
        calledAETitle: AETitle("STORESCP"), callingAETitle: AETitle("PACSLINK"),
        presentationContexts: [
            PresentationContextRQ(id: 1, abstractSyntax: verification, transferSyntaxes: [implicitLE]),
            PresentationContextRQ(
                id: 3, abstractSyntax: ctImage, transferSyntaxes: [jpegLossless, explicitLE, implicitLE]),
        ],
        userInformation: fullUserInformationRQ)

    static let associateAC = AssociateAC(
        calledAETitle: AETitle("STORESCP"), callingAETitle: AETitle("PACSLINK"),
        presentationContexts: [
            PresentationContextAC(id: 1, result: .acceptance, transferSyntax: implicitLE),
            PresentationContextAC(id: 3, result: .transferSyntaxesNotSupported),
            PresentationContextAC(id: 5, result: .reserved(9), transferSyntax: explicitLE),
        ],
        userInformation: UserInformation(
            maximumLength: 0, implementationClassUID: "1.2.3", implementationVersionName: "X",
            asynchronousOperationsWindow: .synchronous,
            roleSelections: [RoleSelection(sopClassUID: ctImage, scuRole: false, scpRole: true)],
            userIdentityAC: UserIdentityAC(serverResponse: Array("token".utf8))))

    static let pDataTF = PDataTF(pdvs: [
        PresentationDataValue(presentationContextID: 1, isCommand: true, isLastFragment: true, data: [1, 2, 3]),
        PresentationDataValue(presentationContextID: 3, isCommand: false, isLastFragment: false, data: []),
        PresentationDataValue(presentationContextID: 3, isCommand: false, isLastFragment: true, data: [0xFF]),
    ])

    /// One of every PDU type.
    static let all: [PDU] = [
        .associateRQ(associateRQ),
        .associateAC(associateAC),
        .associateRJ(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized))),
        .associateRJ(AssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation(.temporaryCongestion))),
        .associateRJ(AssociateRJ(result: .reserved(7), source: .reserved(source: 9, reason: 9))),
        .pDataTF(pDataTF),
        .releaseRQ,
        .releaseRP,
        .abort(AAbort(source: .serviceProvider, reason: .unexpectedPDU)),
        .abort(AAbort(source: .reserved(1), reason: .reserved(3))),
    ]
}
