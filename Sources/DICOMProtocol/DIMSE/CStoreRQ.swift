/// C-STORE-RQ (PS3.7 §9.1.1, Table 9.3-1). The data set (the SOP instance) always follows.
/// A store made as a sub-operation of a C-MOVE names the move's originator (PS3.7
/// §9.1.1.1.7–8) — optional, and what routes the instance to the move that asked for it.
public struct CStoreRQ: DIMSERequest {
    public static let commandField = CommandField.cStoreRQ
    public var messageID: UInt16
    public var affectedSOPClassUID: String
    public var affectedSOPInstanceUID: String
    public var priority: Priority
    /// Move Originator Application Entity Title (0000,1030).
    public var moveOriginatorAETitle: String?
    /// Move Originator Message ID (0000,1031).
    public var moveOriginatorMessageID: UInt16?

    public init(
        messageID: UInt16, affectedSOPClassUID: String, affectedSOPInstanceUID: String,
        priority: Priority = .medium, moveOriginatorAETitle: String? = nil, moveOriginatorMessageID: UInt16? = nil
    ) {
        self.messageID = messageID
        self.affectedSOPClassUID = affectedSOPClassUID
        self.affectedSOPInstanceUID = affectedSOPInstanceUID
        self.priority = priority
        self.moveOriginatorAETitle = moveOriginatorAETitle
        self.moveOriginatorMessageID = moveOriginatorMessageID
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        let originator = commandSet.string(.moveOriginatorApplicationEntityTitle)
        self.init(
            messageID: try f.uint16(.messageID), affectedSOPClassUID: try f.string(.affectedSOPClassUID),
            affectedSOPInstanceUID: try f.string(.affectedSOPInstanceUID), priority: try f.priority(),
            moveOriginatorAETitle: originator?.isEmpty == true ? nil : originator,
            moveOriginatorMessageID: commandSet.uint16(.moveOriginatorMessageID))
    }

    public var hasDataSet: Bool { true }

    public var commandSet: DataSet { CommandSet.dataSet(of: self) }

    public func encoded() throws(ProtocolError) -> [UInt8] { CommandSet.bytes(of: self) }

    func add(to fields: inout some CommandFields) {
        fields.addRequestFields(Self.commandField, messageID: messageID, sopClassUID: affectedSOPClassUID)
        fields.add(.priority, uint16: priority.rawValue)
        fields.add(.commandDataSetType, uint16: CommandSet.dataSetPresent)
        fields.add(.affectedSOPInstanceUID, text: affectedSOPInstanceUID, vr: .UI)
        if let moveOriginatorAETitle { fields.add(.moveOriginatorApplicationEntityTitle, text: moveOriginatorAETitle, vr: .AE) }
        if let moveOriginatorMessageID { fields.add(.moveOriginatorMessageID, uint16: moveOriginatorMessageID) }
    }
}
