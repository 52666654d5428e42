/// What C-MOVE-RSP and C-GET-RSP (`RetrieveRSP`) share (PS3.7 Tables 9.3-7 and 9.3-10): sub-operation
/// counts, and an identifier (Failed SOP Instance UID List) that may follow a failure or
/// warning. Statuses in PS3.4 §C.4.2.1.5 and §C.4.3.1.4.
public protocol RetrieveResponse: DIMSEResponse {
    var affectedSOPClassUID: String? { get }
    var subOperations: SubOperationCounts { get }
    var errorComment: String? { get }

    init(
        messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: DIMSEStatus,
        subOperations: SubOperationCounts, hasDataSet: Bool, errorComment: String?)
}

extension RetrieveResponse {
    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(
            messageIDBeingRespondedTo: try f.uint16(.messageIDBeingRespondedTo),
            affectedSOPClassUID: commandSet.uid(.affectedSOPClassUID), status: try f.status(),
            subOperations: SubOperationCounts(commandSet),
            hasDataSet: try CommandSet.hasDataSet(commandSet, in: Self.commandField),
            errorComment: commandSet.string(.errorComment))
    }

    public var commandSet: DataSet {
        var ds = CommandSet.make(Self.commandField, hasDataSet: hasDataSet)
        ds.setResponseFields(messageIDBeingRespondedTo, status, affectedSOPClassUID, errorComment)
        subOperations.write(into: &ds)
        return ds
    }
}
