import Testing
@testable import DICOMProtocol

@Suite("PS3.8 9.3.3.2 negotiation")
struct AssociationNegotiationTests {
    typealias S = PDUSamples
    static let mr = "1.2.840.10008.5.1.4.1.1.4"
    static let refused = "1.2.840.10008.5.1.4.1.1.7"
    static let unknown = "1.2.3.4.5"

    static let policy = PresentationContextPolicy(
        transferSyntaxes: [
            S.verification: [S.implicitLE],
            S.ctImage: [S.explicitLE, S.implicitLE, S.jpegLossless],
            mr: [S.explicitLE],
            refused: [S.implicitLE],
        ],
        refusedAbstractSyntaxes: [refused])

    static let proposed = [
        PresentationContextRQ(id: 1, abstractSyntax: S.verification, transferSyntaxes: [S.implicitLE]),
        PresentationContextRQ(id: 3, abstractSyntax: S.ctImage, transferSyntaxes: [S.jpegLossless, S.implicitLE]),
        PresentationContextRQ(id: 5, abstractSyntax: unknown, transferSyntaxes: [S.implicitLE]),
        PresentationContextRQ(id: 7, abstractSyntax: mr, transferSyntaxes: [S.implicitLE]),
        PresentationContextRQ(id: 9, abstractSyntax: refused, transferSyntaxes: [S.implicitLE]),
        PresentationContextRQ(id: 9, abstractSyntax: S.verification, transferSyntaxes: [S.implicitLE]),
        PresentationContextRQ(id: 10, abstractSyntax: S.verification, transferSyntaxes: [S.implicitLE]),
    ]

    @Test("PS3.8 Table 9-18 accept with our best offered syntax, or reject with reason 1, 2, 3 or 4")
    func contexts() {
        #expect(Self.policy.answer(Self.proposed) == [
            PresentationContextAC(id: 1, result: .acceptance, transferSyntax: S.implicitLE),
            PresentationContextAC(id: 3, result: .acceptance, transferSyntax: S.implicitLE),
            PresentationContextAC(id: 5, result: .abstractSyntaxNotSupported),
            PresentationContextAC(id: 7, result: .transferSyntaxesNotSupported),
            PresentationContextAC(id: 9, result: .userRejection),
            PresentationContextAC(id: 9, result: .providerRejection),  // repeated ID
            PresentationContextAC(id: 10, result: .providerRejection),  // even ID
        ])
    }

    @Test("PS3.8 9.3.3.2 the server's preferred compression goes first when the requestor offers it")
    func preferredCompression() {
        let preferring = Self.policy.preferring(S.jpegLossless)
        #expect(preferring.transferSyntaxes[S.ctImage] == [S.jpegLossless, S.explicitLE, S.implicitLE])
        #expect(preferring.answer(Self.proposed[1]).transferSyntax == S.jpegLossless)
        // Not offered: the usual order applies.
        let offeredWithout = PresentationContextRQ(id: 1, abstractSyntax: S.ctImage, transferSyntaxes: [S.implicitLE, S.explicitLE])
        #expect(preferring.answer(offeredWithout).transferSyntax == S.explicitLE)
        // Lists that never accepted it are unchanged.
        #expect(preferring.transferSyntaxes[S.verification] == [S.implicitLE])
    }

    @Test("PS3.8 D.3.3.4 role selection: the requestor may be SCP only where we allow it")
    func roles() {
        let proposed = [
            RoleSelection(sopClassUID: S.ctImage, scuRole: true, scpRole: true),
            RoleSelection(sopClassUID: Self.mr, scuRole: false, scpRole: true),
            RoleSelection(sopClassUID: Self.unknown, scuRole: true, scpRole: true),
        ]
        let answered = RoleSelectionNegotiation.answer(
            proposed, acceptedAbstractSyntaxes: [S.ctImage, Self.mr], requestorSCPAllowed: [S.ctImage])
        #expect(answered == [
            RoleSelection(sopClassUID: S.ctImage, scuRole: true, scpRole: true),
            RoleSelection(sopClassUID: Self.mr, scuRole: false, scpRole: false),
        ])
        #expect(RoleSelectionNegotiation.requestorRoles(for: S.ctImage, proposed: proposed, answered: answered) == (true, true))
        #expect(RoleSelectionNegotiation.requestorRoles(for: S.verification, proposed: proposed, answered: answered) == (true, false))
    }

    @Test("PS3.8 9.3.3 acceptor and requestor agree: contexts, roles, max PDU, async window 1/1")
    func bothSides() throws {
        var rq = AssociateRQ(
            calledAETitle: AETitle("PACS"), callingAETitle: AETitle("PACSLINK"),
            presentationContexts: Array(Self.proposed.prefix(4)),
            userInformation: UserInformation(
                maximumLength: 32_768, implementationClassUID: "1.2.3.4",
                asynchronousOperationsWindow: AsynchronousOperationsWindow(
                    maximumNumberOperationsInvoked: 8, maximumNumberOperationsPerformed: 8),
                roleSelections: [RoleSelection(sopClassUID: S.ctImage, scuRole: true, scpRole: true)]))
        let policy = AcceptorPolicy(
            presentationContexts: Self.policy, requestorSCPAllowed: [S.ctImage], maximumLength: 0,
            implementationClassUID: "1.2.826.0.1.3680043.10.1", implementationVersionName: "PACSLINK")
        let (ac, acceptorView) = AssociationNegotiation.accept(rq, policy: policy)
        #expect(ac.userInformation.asynchronousOperationsWindow == .synchronous)
        #expect(ac.userInformation.maximumLength == 0)
        #expect(ac.calledAETitle == rq.calledAETitle)
        #expect(acceptorView.peerMaximumLength == 32_768)
        #expect(acceptorView.peerImplementationClassUID == "1.2.3.4")

        let requestorView = try AssociationNegotiation.accepted(ac, proposed: rq)
        #expect(requestorView.peerMaximumLength == 0)
        #expect(requestorView.acceptedContexts == [
            AcceptedPresentationContext(id: 1, abstractSyntax: S.verification, transferSyntax: S.implicitLE),
            AcceptedPresentationContext(
                id: 3, abstractSyntax: S.ctImage, transferSyntax: S.implicitLE, requestorIsSCU: true, requestorIsSCP: true),
        ])
        #expect(requestorView.acceptedContexts == acceptorView.acceptedContexts)
        #expect(requestorView.context(abstractSyntax: S.ctImage)?.id == 3)
        #expect(requestorView.context(id: 5) == nil)
        #expect(requestorView.results.count == 4)

        // Without a proposed window none is answered (PS3.8 D.3.3.3).
        rq.userInformation.asynchronousOperationsWindow = nil
        #expect(AssociationNegotiation.accept(rq, policy: policy).0.userInformation.asynchronousOperationsWindow == nil)
    }

    @Test("PS3.8 9.3.3.2 an AC answering an unproposed context or accepting an unoffered syntax is refused")
    func requestorChecks() {
        let rq = AssociateRQ(
            calledAETitle: AETitle("PACS"), callingAETitle: AETitle("US"),
            presentationContexts: [Self.proposed[0]], userInformation: UserInformation(maximumLength: 0))
        var ac = AssociateAC(
            calledAETitle: AETitle("PACS"), callingAETitle: AETitle("US"),
            presentationContexts: [PresentationContextAC(id: 3, result: .acceptance, transferSyntax: S.implicitLE)],
            userInformation: UserInformation())
        #expect(throws: ProtocolError.self) { try AssociationNegotiation.accepted(ac, proposed: rq) }
        ac.presentationContexts = [PresentationContextAC(id: 1, result: .acceptance, transferSyntax: S.explicitLE)]
        #expect(throws: ProtocolError.self) { try AssociationNegotiation.accepted(ac, proposed: rq) }
        ac.presentationContexts = [PresentationContextAC(id: 1, result: .acceptance, transferSyntax: S.implicitLE)]
        #expect((try? AssociationNegotiation.accepted(ac, proposed: rq))?.acceptedContexts.count == 1)
    }
}
