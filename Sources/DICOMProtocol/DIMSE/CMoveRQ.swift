/// C-MOVE-RQ (PS3.7 §9.1.4, Table 9.3-9). The identifier follows; the SCP stores the matches
/// at Move Destination (0000,0600), an AE title it must know (PS3.4 §C.4.2).
public struct CMoveRQ: DIMSERequest {
    public static let commandField = CommandField.cMoveRQ
    public var messageID: UInt16
    public var affectedSOPClassUID: String
    public var priority: Priority
    public var moveDestination: String

    public init(messageID: UInt16, affectedSOPClassUID: String, priority: Priority = .medium, moveDestination: String) {
        self.messageID = messageID
        self.affectedSOPClassUID = affectedSOPClassUID
        self.priority = priority
        self.moveDestination = moveDestination
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(
            messageID: try f.uint16(.messageID), affectedSOPClassUID: try f.string(.affectedSOPClassUID),
            priority: try f.priority(), moveDestination: try f.string(.moveDestination))
    }

    public var hasDataSet: Bool { true }

    public var commandSet: DataSet {
        var ds = CommandSet.make(Self.commandField, hasDataSet: true)
        ds.setRequestFields(messageID, affectedSOPClassUID, priority)
        ds.setPadded(moveDestination, for: .moveDestination, vr: .AE)
        return ds
    }
}
