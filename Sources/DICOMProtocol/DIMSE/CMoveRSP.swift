/// C-MOVE-RSP (PS3.7 §9.1.4, Table 9.3-10). Fields and coding shared with the other retrieve
/// response in `RetrieveResponse`.
public struct CMoveRSP: RetrieveResponse {
    public static let commandField = CommandField.cMoveRSP
    public var messageIDBeingRespondedTo: UInt16
    public var affectedSOPClassUID: String?
    public var status: DIMSEStatus
    public var subOperations: SubOperationCounts
    public var hasDataSet: Bool
    public var errorComment: String?

    public init(
        messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: DIMSEStatus,
        subOperations: SubOperationCounts = SubOperationCounts(), hasDataSet: Bool = false, errorComment: String? = nil
    ) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        self.subOperations = subOperations
        self.hasDataSet = hasDataSet
        self.errorComment = errorComment
    }
}
