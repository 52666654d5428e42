/// C-FIND-RSP (PS3.7 §9.1.2, Table 9.3-4); statuses in PS3.4 §C.4.1.1.4. Pending responses
/// carry a matching identifier; the final one usually none.
public struct CFindRSP: DIMSEResponse {
    public static let commandField = CommandField.cFindRSP
    public var messageIDBeingRespondedTo: UInt16
    public var affectedSOPClassUID: String?
    public var status: DIMSEStatus
    public var hasDataSet: Bool
    public var errorComment: String?

    public init(
        messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: DIMSEStatus,
        hasDataSet: Bool, errorComment: String? = nil
    ) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        self.hasDataSet = hasDataSet
        self.errorComment = errorComment
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(
            messageIDBeingRespondedTo: try f.uint16(.messageIDBeingRespondedTo),
            affectedSOPClassUID: commandSet.uid(.affectedSOPClassUID), status: try f.status(),
            hasDataSet: try CommandSet.hasDataSet(commandSet, in: Self.commandField),
            errorComment: commandSet.string(.errorComment))
    }

    public var commandSet: DataSet {
        var ds = CommandSet.make(Self.commandField, hasDataSet: hasDataSet)
        ds.setResponseFields(messageIDBeingRespondedTo, status, affectedSOPClassUID, errorComment)
        return ds
    }
}
