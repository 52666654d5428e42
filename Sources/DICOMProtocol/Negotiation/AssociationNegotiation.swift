/// A-ASSOCIATE negotiation as pure functions, for both sides (PS3.8 §9.3.2–9.3.3, Annex D).
/// Whether to accept at all (AE titles, application context) is the caller's decision; these
/// functions answer and interpret the items.
public enum AssociationNegotiation {
    /// The acceptor's answer to `rq`: each presentation context answered by the policy, role
    /// selections answered, our Maximum Length and implementation identification, and an
    /// Asynchronous Operations Window when one was proposed (`window(answering:performing:)`).
    /// Returns the A-ASSOCIATE-AC to send and what was agreed.
    public static func accept(_ rq: AssociateRQ, policy: AcceptorPolicy) -> (AssociateAC, NegotiatedAssociation) {
        let results = policy.presentationContexts.answer(rq.presentationContexts)
        let acceptedIDs = Set(results.filter { $0.result == .acceptance }.map(\.id))
        let acceptedAbstractSyntaxes = Set(
            rq.presentationContexts.filter { acceptedIDs.contains($0.id) }.map(\.abstractSyntax))
        let ourInformation = UserInformation(
            maximumLength: policy.maximumLength, implementationClassUID: policy.implementationClassUID,
            implementationVersionName: policy.implementationVersionName,
            asynchronousOperationsWindow: rq.userInformation.asynchronousOperationsWindow.map {
                window(answering: $0, performing: policy.maximumOperationsPerformed)
            },
            roleSelections: RoleSelectionNegotiation.answer(
                rq.userInformation.roleSelections, acceptedAbstractSyntaxes: acceptedAbstractSyntaxes,
                requestorSCPAllowed: policy.requestorSCPAllowed))
        let ac = AssociateAC(
            calledAETitle: rq.calledAETitle, callingAETitle: rq.callingAETitle, presentationContexts: results,
            userInformation: ourInformation, applicationContextName: rq.applicationContextName)
        let agreed = outcome(rq: rq, ac: ac, peer: rq.userInformation)
        return (ac, agreed)
    }

    /// The acceptor's answer to a proposed Asynchronous Operations Window (PS3.7 §D.3.3.3):
    /// it performs at most what the requestor proposed to invoke and at most `performing`
    /// (0 = unlimited on either side), and invokes one operation at a time itself (within what
    /// the requestor proposed to perform: 1 fits any value, 0 being unlimited).
    public static func window(
        answering proposed: AsynchronousOperationsWindow, performing: UInt16
    ) -> AsynchronousOperationsWindow {
        let invoked = proposed.maximumNumberOperationsInvoked
        let performed = invoked == 0 ? performing : performing == 0 ? invoked : min(invoked, performing)
        return AsynchronousOperationsWindow(maximumNumberOperationsInvoked: 1, maximumNumberOperationsPerformed: performed)
    }

    /// The requestor's reading of the acceptor's A-ASSOCIATE-AC: the accepted contexts with
    /// their abstract syntax, transfer syntax and roles. Throws when the AC answers a context we
    /// did not propose or accepts a transfer syntax we did not offer (PS3.8 §9.3.3.2).
    public static func accepted(_ ac: AssociateAC, proposed rq: AssociateRQ) throws -> NegotiatedAssociation {
        for answer in ac.presentationContexts {
            guard let proposal = rq.presentationContexts.first(where: { $0.id == answer.id }) else {
                throw ProtocolError(
                    .invalidValue, field: "A-ASSOCIATE-AC Presentation-context-ID",
                    "context \(answer.id) was never proposed")
            }
            if answer.result == .acceptance && !proposal.transferSyntaxes.contains(answer.transferSyntax) {
                throw ProtocolError(
                    .invalidValue, field: "A-ASSOCIATE-AC Transfer-syntax-name",
                    "context \(answer.id) accepted \(answer.transferSyntax), which was not offered")
            }
        }
        return outcome(rq: rq, ac: ac, peer: ac.userInformation)
    }

    /// What `rq` and `ac` together agree on, with `peer` the other side's user information.
    static func outcome(rq: AssociateRQ, ac: AssociateAC, peer: UserInformation) -> NegotiatedAssociation {
        let accepted = ac.presentationContexts.compactMap { answer -> AcceptedPresentationContext? in
            guard answer.result == .acceptance,
                let proposal = rq.presentationContexts.first(where: { $0.id == answer.id })
            else { return nil }
            let roles = RoleSelectionNegotiation.requestorRoles(
                for: proposal.abstractSyntax, proposed: rq.userInformation.roleSelections,
                answered: ac.userInformation.roleSelections)
            return AcceptedPresentationContext(
                id: answer.id, abstractSyntax: proposal.abstractSyntax, transferSyntax: answer.transferSyntax,
                requestorIsSCU: roles.scu, requestorIsSCP: roles.scp)
        }
        return NegotiatedAssociation(
            acceptedContexts: accepted, results: ac.presentationContexts,
            peerMaximumLength: peer.maximumLength ?? 0,
            peerImplementationClassUID: peer.implementationClassUID,
            peerImplementationVersionName: peer.implementationVersionName,
            asynchronousOperationsWindow: ac.userInformation.asynchronousOperationsWindow ?? .synchronous)
    }
}
