/// What an acceptor supports, for presentation context negotiation (PS3.8 §9.3.3.2).
///
/// Transfer syntaxes are UID strings, best first: the first one the requestor also offered is
/// the one accepted.
public struct PresentationContextPolicy: Sendable, Hashable {
    /// Per abstract syntax (SOP class UID), the transfer syntaxes we accept, best first.
    public var transferSyntaxes: [String: [String]]
    /// Abstract syntaxes we know but refuse by local policy: answered "user rejection" (1).
    public var refusedAbstractSyntaxes: Set<String>

    public init(transferSyntaxes: [String: [String]], refusedAbstractSyntaxes: Set<String> = []) {
        self.transferSyntaxes = transferSyntaxes
        self.refusedAbstractSyntaxes = refusedAbstractSyntaxes
    }

    /// The same policy with `transferSyntax` moved to the front wherever it is accepted: the
    /// server's preferred compression wins whenever the requestor offers it.
    public func preferring(_ transferSyntax: String) -> PresentationContextPolicy {
        var copy = self
        for (abstractSyntax, list) in transferSyntaxes where list.contains(transferSyntax) {
            copy.transferSyntaxes[abstractSyntax] = [transferSyntax] + list.filter { $0 != transferSyntax }
        }
        return copy
    }

    /// The answer to one proposed context (PS3.8 Table 9-18): acceptance with our best
    /// transfer syntax among those offered, or the reason for rejection.
    public func answer(_ proposed: PresentationContextRQ) -> PresentationContextAC {
        if refusedAbstractSyntaxes.contains(proposed.abstractSyntax) {
            return PresentationContextAC(id: proposed.id, result: .userRejection)
        }
        guard let ours = transferSyntaxes[proposed.abstractSyntax] else {
            return PresentationContextAC(id: proposed.id, result: .abstractSyntaxNotSupported)
        }
        guard let chosen = ours.first(where: proposed.transferSyntaxes.contains) else {
            return PresentationContextAC(id: proposed.id, result: .transferSyntaxesNotSupported)
        }
        return PresentationContextAC(id: proposed.id, result: .acceptance, transferSyntax: chosen)
    }

    /// Answers every proposed context, in order. A context whose ID is even or repeats an
    /// earlier one breaks PS3.8 §9.3.2.2 (odd, unique IDs) and is answered "no reason
    /// (provider rejection)".
    public func answer(_ proposed: [PresentationContextRQ]) -> [PresentationContextAC] {
        var seen = Set<UInt8>()
        return proposed.map { context in
            guard context.id % 2 == 1, seen.insert(context.id).inserted else {
                return PresentationContextAC(id: context.id, result: .providerRejection)
            }
            return answer(context)
        }
    }
}
