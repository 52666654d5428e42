/// C-GET-RQ (PS3.7 §9.1.3, Table 9.3-6). The identifier follows; matches come back as
/// C-STORE sub-operations on the same association (PS3.4 §C.4.3).
public struct CGetRQ: DIMSERequest {
    public static let commandField = CommandField.cGetRQ
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
