/// A presentation context both sides agreed on (PS3.8 §9.3.3.2): what DIMSE messages on its
/// ID carry, how they are encoded, and who may invoke them.
public struct AcceptedPresentationContext: Sendable, Hashable {
    public var id: UInt8
    public var abstractSyntax: String
    public var transferSyntax: String
    /// The requestor may invoke operations (act as SCU) on this context.
    public var requestorIsSCU: Bool
    /// The requestor may perform operations (act as SCP), e.g. the C-STOREs of a C-GET.
    public var requestorIsSCP: Bool

    public init(
        id: UInt8, abstractSyntax: String, transferSyntax: String, requestorIsSCU: Bool = true,
        requestorIsSCP: Bool = false
    ) {
        self.id = id
        self.abstractSyntax = abstractSyntax
        self.transferSyntax = transferSyntax
        self.requestorIsSCU = requestorIsSCU
        self.requestorIsSCP = requestorIsSCP
    }
}
