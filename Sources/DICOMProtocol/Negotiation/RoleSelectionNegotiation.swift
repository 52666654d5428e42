/// SCP/SCU role selection from the acceptor's side (PS3.8 §D.3.3.4).
public enum RoleSelectionNegotiation {
    /// Answers the requestor's role proposals: one reply per proposal whose SOP class has an
    /// accepted presentation context (others fall back to the default roles). The requestor
    /// may keep the SCU role it proposes; it may act as SCP (e.g. to receive C-GET's C-STOREs)
    /// only for SOP classes in `requestorSCPAllowed`.
    public static func answer(
        _ proposed: [RoleSelection], acceptedAbstractSyntaxes: Set<String>, requestorSCPAllowed: Set<String>
    ) -> [RoleSelection] {
        proposed.filter { acceptedAbstractSyntaxes.contains($0.sopClassUID) }.map {
            RoleSelection(
                sopClassUID: $0.sopClassUID, scuRole: $0.scuRole,
                scpRole: $0.scpRole && requestorSCPAllowed.contains($0.sopClassUID))
        }
    }

    /// The requestor's roles for one SOP class after negotiation (PS3.8 Table D.3-10 and
    /// §D.3.3.4): without a proposal or an answer the requestor is SCU and the acceptor SCP;
    /// otherwise a role holds when it was both proposed and accepted.
    public static func requestorRoles(
        for sopClassUID: String, proposed: [RoleSelection], answered: [RoleSelection]
    ) -> (scu: Bool, scp: Bool) {
        guard let rq = proposed.first(where: { $0.sopClassUID == sopClassUID }),
            let ac = answered.first(where: { $0.sopClassUID == sopClassUID })
        else { return (true, false) }
        return (rq.scuRole && ac.scuRole, rq.scpRole && ac.scpRole)
    }
}
