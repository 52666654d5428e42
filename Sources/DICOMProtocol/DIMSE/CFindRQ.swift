/// C-FIND-RQ (PS3.7 §9.1.2, Table 9.3-3). The identifier (the query keys) always follows.
public struct CFindRQ: DIMSERequest {
    public static let commandField = CommandField.cFindRQ
    public var messageID: UInt16
    public var affectedSOPClassUID: String
    public var priority: Priority

    public init(messageID: UInt16, affectedSOPClassUID: String, priority: Priority = .medium) {
        self.messageID = messageID
        self.affectedSOPClassUID = affectedSOPClassUID
        self.priority = priority
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(messageID: try f.uint16(.messageID), affectedSOPClassUID: try f.string(.affectedSOPClassUID), priority: try f.priority())
    }

    public var hasDataSet: Bool { true }

    public var commandSet: DataSet {
        var ds = CommandSet.make(Self.commandField, hasDataSet: true)
        ds.setRequestFields(messageID, affectedSOPClassUID, priority)
        return ds
    }
}
