import Testing
@testable import DICOMProtocol

@Suite("PS3.7 D.3.3.3 Asynchronous Operations Window negotiation")
struct AsynchronousOperationsWindowNegotiationTests {
    typealias S = PDUSamples

    static func window(_ invoked: UInt16, _ performed: UInt16) -> AsynchronousOperationsWindow {
        AsynchronousOperationsWindow(maximumNumberOperationsInvoked: invoked, maximumNumberOperationsPerformed: performed)
    }

    @Test(
        "PS3.7 D.3.3.3 the acceptor performs at most what was proposed and what it supports (0 = unlimited)",
        arguments: [
            // (proposed invoked, ours, granted)
            (16, 8, 8), (4, 16, 4), (16, 16, 16), (0, 16, 16), (16, 0, 16), (0, 0, 0), (16, 1, 1), (1, 16, 1),
        ] as [(UInt16, UInt16, UInt16)])
    func grantedPerformed(proposed: UInt16, ours: UInt16, granted: UInt16) {
        let answer = AssociationNegotiation.window(answering: Self.window(proposed, 1), performing: ours)
        #expect(answer.maximumNumberOperationsPerformed == granted)
        // We invoke one operation at a time on the requestor: within any proposed value.
        #expect(answer.maximumNumberOperationsInvoked == 1)
    }

    @Test("PS3.7 D.3.3.3 the agreed window reaches both sides; without a proposal the association is synchronous")
    func bothSides() throws {
        var rq = AssociateRQ(
            calledAETitle: AETitle("PACS"), callingAETitle: AETitle("PACSLINK"),
            presentationContexts: [PresentationContextRQ(id: 1, abstractSyntax: S.verification, transferSyntaxes: [S.implicitLE])],
            userInformation: UserInformation(
                maximumLength: 16_384, implementationClassUID: "1.2.3.4", asynchronousOperationsWindow: Self.window(32, 0)))
        let policy = AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: [S.verification: [S.implicitLE]]),
            implementationClassUID: "1.2.826.0.1.3680043.10.1", maximumOperationsPerformed: 16)
        let (ac, acceptorView) = AssociationNegotiation.accept(rq, policy: policy)
        #expect(ac.userInformation.asynchronousOperationsWindow == Self.window(1, 16))
        #expect(acceptorView.requestorOperationsWindow == 16)
        #expect(acceptorView.acceptorOperationsWindow == 1)
        let requestorView = try AssociationNegotiation.accepted(ac, proposed: rq)
        #expect(requestorView.requestorOperationsWindow == 16)

        rq.userInformation.asynchronousOperationsWindow = nil
        let (syncAC, syncView) = AssociationNegotiation.accept(rq, policy: policy)
        #expect(syncAC.userInformation.asynchronousOperationsWindow == nil)
        #expect(syncView.requestorOperationsWindow == 1)
        #expect(try AssociationNegotiation.accepted(syncAC, proposed: rq).requestorOperationsWindow == 1)
    }
}
