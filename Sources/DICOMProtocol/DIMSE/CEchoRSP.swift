/// C-ECHO-RSP (PS3.7 §9.1.5, Table 9.3-13).
public struct CEchoRSP: DIMSEResponse {
    public static let commandField = CommandField.cEchoRSP
    public var messageIDBeingRespondedTo: UInt16
    public var affectedSOPClassUID: String?
    public var status: DIMSEStatus
    public var errorComment: String?

    public init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: DIMSEStatus, errorComment: String? = nil) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        self.errorComment = errorComment
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(
            messageIDBeingRespondedTo: try f.uint16(.messageIDBeingRespondedTo),
            affectedSOPClassUID: commandSet.uid(.affectedSOPClassUID), status: try f.status(),
            errorComment: commandSet.string(.errorComment))
    }

    public var hasDataSet: Bool { false }

    public var commandSet: DataSet { CommandSet.dataSet(of: self) }

    public func encoded() throws(ProtocolError) -> [UInt8] { CommandSet.bytes(of: self) }

    func add(to fields: inout some CommandFields) {
        fields.addResponseFields(
            Self.commandField, messageID: messageIDBeingRespondedTo, sopClassUID: affectedSOPClassUID, status: status,
            errorComment: errorComment)
    }
}
