import DICOMProtocol

/// One attribute of a query/retrieve level (PS3.4 §C.6.1.1, Tables C.6-1 to C.6-7) and the
/// kind of key it is there (PS3.4 §C.2.2.1).
public struct QueryKey: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// U: identifies one entity at its level (§C.2.2.1.1).
        case unique
        /// R: an SCP must support matching on it (§C.2.2.1.2).
        case required
        /// O: an SCP may support matching on it (§C.2.2.1.3).
        case optional
    }

    public let tag: Tag
    public let kind: Kind

    public init(_ tag: Tag, _ kind: Kind) {
        self.tag = tag
        self.kind = kind
    }
}
