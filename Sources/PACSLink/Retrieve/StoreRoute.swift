/// Where the router sent one incoming C-STORE, and by which rule — so logs and the retrieve
/// report can say why an instance landed where it did.
public enum StoreRoute: Sendable, Equatable {
    /// The store belongs to the retrieve `id`.
    case retrieve(PendingMove.ID, rule: MatchRule)
    /// The fallback rule left several open moves; the data set's study (and series) can still
    /// decide (`SubAssociationRouter.resolve`).
    case ambiguous([PendingMove.ID])
    /// No open retrieve: file it under `ReceivedFiles/`.
    case unsolicited(reason: String)

    public enum MatchRule: String, Sendable, Equatable {
        /// Move Originator AE Title (0000,1030) and Message ID (0000,1031) named an open move.
        case moveOriginator
        /// Neither field named a move; the Calling AE title, the peer address and the time
        /// window did, and only one open move fitted.
        case callingAEAddressAndWindow
        /// The fallback fitted several moves and the data set's study/series chose one.
        case studyInDataSet
        /// C-GET: the store came on the association that carries the C-GET itself.
        case sameAssociation
    }

    /// Where the instance is filed: an ambiguous store is still one of our retrieves, and its
    /// path (study/series) does not depend on which one.
    public var disposition: StorageLayout.Disposition {
        if case .unsolicited = self { return .received }
        return .retrieved
    }

    public var retrieveID: PendingMove.ID? {
        if case .retrieve(let id, _) = self { return id }
        return nil
    }
}
