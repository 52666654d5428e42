/// C-GET-RSP (PS3.7 §9.1.3, Table 9.3-7). Fields and coding shared with the other retrieve
/// response in `RetrieveResponse`.
public struct CGetRSP: RetrieveResponse {
    public static let commandField = CommandField.cGetRSP
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
