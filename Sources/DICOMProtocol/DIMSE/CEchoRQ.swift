/// C-ECHO-RQ (PS3.7 §9.1.5, Table 9.3-12).
public struct CEchoRQ: DIMSERequest {
    public static let commandField = CommandField.cEchoRQ
    public var messageID: UInt16
    public var affectedSOPClassUID: String

    public init(messageID: UInt16, affectedSOPClassUID: String) {
        self.messageID = messageID
        self.affectedSOPClassUID = affectedSOPClassUID
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(messageID: try f.uint16(.messageID), affectedSOPClassUID: try f.string(.affectedSOPClassUID))
    }

    public var hasDataSet: Bool { false }

    public var commandSet: DataSet { CommandSet.dataSet(of: self) }

    public func encoded() throws(ProtocolError) -> [UInt8] { CommandSet.bytes(of: self) }

    func add(to fields: inout some CommandFields) {
        fields.addRequestFields(Self.commandField, messageID: messageID, sopClassUID: affectedSOPClassUID)
        fields.add(.commandDataSetType, uint16: CommandSet.noDataSet)
    }
}
