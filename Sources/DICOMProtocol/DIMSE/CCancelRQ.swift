/// C-CANCEL-RQ (PS3.7 §9.3.2.3, §9.3.3.3, §9.3.4.3; Table 9.3-5): asks the SCP to stop the
/// C-FIND, C-GET or C-MOVE with the given Message ID. It has no response of its own.
public struct CCancelRQ: DIMSEMessage {
    public static let commandField = CommandField.cCancelRQ
    public var messageIDBeingRespondedTo: UInt16

    public init(messageIDBeingRespondedTo: UInt16) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        let f = CommandSet.Fields(commandSet, Self.commandField)
        self.init(messageIDBeingRespondedTo: try f.uint16(.messageIDBeingRespondedTo))
    }

    public var hasDataSet: Bool { false }

    public var commandSet: DataSet {
        var ds = CommandSet.make(Self.commandField, hasDataSet: false)
        ds.setUInt16(messageIDBeingRespondedTo, for: .messageIDBeingRespondedTo)
        return ds
    }
}
