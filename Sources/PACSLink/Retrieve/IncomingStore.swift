import DICOMProtocol

/// One C-STORE-RQ that arrived on an association we accepted, with what the router needs to
/// decide whose it is: the request's Move Originator fields (PS3.7 §9.1.1.1.7–8) and the
/// association's Calling AE title and peer address. Routing is per C-STORE, never per
/// association: one association may carry sub-operations of several moves.
public struct IncomingStore: Sendable, Equatable {
    public var sopInstanceUID: String
    /// Move Originator AE Title (0000,1030), when the PACS sent it.
    public var moveOriginatorAETitle: String?
    /// Move Originator Message ID (0000,1031), when the PACS sent it.
    public var moveOriginatorMessageID: UInt16?
    /// Calling AE title of the association the store came on.
    public var callingAETitle: String
    /// The peer's IP address, as the socket reports it.
    public var peerAddress: String
    public var arrivedAt: ContinuousClock.Instant

    public init(
        sopInstanceUID: String, moveOriginatorAETitle: String?, moveOriginatorMessageID: UInt16?,
        callingAETitle: String, peerAddress: String, arrivedAt: ContinuousClock.Instant
    ) {
        self.sopInstanceUID = sopInstanceUID
        self.moveOriginatorAETitle = moveOriginatorAETitle
        self.moveOriginatorMessageID = moveOriginatorMessageID
        self.callingAETitle = callingAETitle
        self.peerAddress = peerAddress
        self.arrivedAt = arrivedAt
    }

    /// The store `request` received on an association from `callingAETitle` at `peerAddress`.
    public init(
        _ request: CStoreRQ, callingAETitle: String, peerAddress: String, arrivedAt: ContinuousClock.Instant
    ) {
        self.init(
            sopInstanceUID: request.affectedSOPInstanceUID, moveOriginatorAETitle: request.moveOriginatorAETitle,
            moveOriginatorMessageID: request.moveOriginatorMessageID, callingAETitle: callingAETitle,
            peerAddress: peerAddress, arrivedAt: arrivedAt)
    }
}
