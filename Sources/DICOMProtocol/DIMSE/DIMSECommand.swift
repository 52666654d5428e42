/// Any command PACSLink handles, decoded from a command set (PS3.7 §9.3): the entry point for
/// the bytes an assembler rebuilt from command PDVs.
public enum DIMSECommand: Equatable, Sendable, CustomStringConvertible {
    case cEchoRQ(CEchoRQ)
    case cEchoRSP(CEchoRSP)
    case cStoreRQ(CStoreRQ)
    case cStoreRSP(CStoreRSP)
    case cFindRQ(CFindRQ)
    case cFindRSP(CFindRSP)
    case cMoveRQ(CMoveRQ)
    case cMoveRSP(CMoveRSP)
    case cGetRQ(CGetRQ)
    case cGetRSP(CGetRSP)
    case cCancelRQ(CCancelRQ)

    /// Decodes command-set bytes (Implicit VR Little Endian). Throws `malformed` naming the
    /// message and field when a required field is missing, `unsupported` for other commands
    /// (N-GET and the rest of the DIMSE-N services).
    public init(decoding bytes: ArraySlice<UInt8>) throws(ProtocolError) {
        try self.init(commandSet: CommandSet.decode(bytes))
    }

    public init(commandSet: DataSet) throws(ProtocolError) {
        guard let raw = commandSet.uint16(.commandField) else {
            throw ProtocolError(.malformed, field: "Command Field \(Tag.commandField)", "missing from the command set")
        }
        switch CommandField(rawValue: raw) {
        case .cEchoRQ: self = .cEchoRQ(try CEchoRQ(commandSet: commandSet))
        case .cEchoRSP: self = .cEchoRSP(try CEchoRSP(commandSet: commandSet))
        case .cStoreRQ: self = .cStoreRQ(try CStoreRQ(commandSet: commandSet))
        case .cStoreRSP: self = .cStoreRSP(try CStoreRSP(commandSet: commandSet))
        case .cFindRQ: self = .cFindRQ(try CFindRQ(commandSet: commandSet))
        case .cFindRSP: self = .cFindRSP(try CFindRSP(commandSet: commandSet))
        case .cMoveRQ: self = .cMoveRQ(try CMoveRQ(commandSet: commandSet))
        case .cMoveRSP: self = .cMoveRSP(try CMoveRSP(commandSet: commandSet))
        case .cGetRQ: self = .cGetRQ(try CGetRQ(commandSet: commandSet))
        case .cGetRSP: self = .cGetRSP(try CGetRSP(commandSet: commandSet))
        case .cCancelRQ: self = .cCancelRQ(try CCancelRQ(commandSet: commandSet))
        case let other:
            throw ProtocolError(.unsupported, field: "Command Field \(Tag.commandField)", "\(other) is not supported")
        }
    }

    /// The typed message inside.
    public var message: any DIMSEMessage {
        switch self {
        case .cEchoRQ(let m): m
        case .cEchoRSP(let m): m
        case .cStoreRQ(let m): m
        case .cStoreRSP(let m): m
        case .cFindRQ(let m): m
        case .cFindRSP(let m): m
        case .cMoveRQ(let m): m
        case .cMoveRSP(let m): m
        case .cGetRQ(let m): m
        case .cGetRSP(let m): m
        case .cCancelRQ(let m): m
        }
    }

    // The accessors below switch over the cases rather than going through `message`: boxing a
    // message in an existential allocates (most are larger than its inline buffer), and the
    // association asks them of every command it receives.

    public var commandField: CommandField {
        switch self {
        case .cEchoRQ: CEchoRQ.commandField
        case .cEchoRSP: CEchoRSP.commandField
        case .cStoreRQ: CStoreRQ.commandField
        case .cStoreRSP: CStoreRSP.commandField
        case .cFindRQ: CFindRQ.commandField
        case .cFindRSP: CFindRSP.commandField
        case .cMoveRQ: CMoveRQ.commandField
        case .cMoveRSP: CMoveRSP.commandField
        case .cGetRQ: CGetRQ.commandField
        case .cGetRSP: CGetRSP.commandField
        case .cCancelRQ: CCancelRQ.commandField
        }
    }

    public var hasDataSet: Bool {
        switch self {
        case .cEchoRQ(let m): m.hasDataSet
        case .cEchoRSP(let m): m.hasDataSet
        case .cStoreRQ(let m): m.hasDataSet
        case .cStoreRSP(let m): m.hasDataSet
        case .cFindRQ(let m): m.hasDataSet
        case .cFindRSP(let m): m.hasDataSet
        case .cMoveRQ(let m): m.hasDataSet
        case .cMoveRSP(let m): m.hasDataSet
        case .cGetRQ(let m): m.hasDataSet
        case .cGetRSP(let m): m.hasDataSet
        case .cCancelRQ(let m): m.hasDataSet
        }
    }

    /// A response's Status (0000,0900); `nil` for a request.
    public var status: DIMSEStatus? {
        switch self {
        case .cEchoRSP(let m): m.status
        case .cStoreRSP(let m): m.status
        case .cFindRSP(let m): m.status
        case .cMoveRSP(let m): m.status
        case .cGetRSP(let m): m.status
        case .cEchoRQ, .cStoreRQ, .cFindRQ, .cMoveRQ, .cGetRQ, .cCancelRQ: nil
        }
    }

    public var commandSet: DataSet { message.commandSet }

    /// Message ID of a request, or the Message ID a response or C-CANCEL answers: what ties
    /// a response to its request (PS3.7 §9.1).
    public var messageID: UInt16 {
        switch self {
        case .cEchoRQ(let m): m.messageID
        case .cStoreRQ(let m): m.messageID
        case .cFindRQ(let m): m.messageID
        case .cMoveRQ(let m): m.messageID
        case .cGetRQ(let m): m.messageID
        case .cEchoRSP(let m): m.messageIDBeingRespondedTo
        case .cStoreRSP(let m): m.messageIDBeingRespondedTo
        case .cFindRSP(let m): m.messageIDBeingRespondedTo
        case .cMoveRSP(let m): m.messageIDBeingRespondedTo
        case .cGetRSP(let m): m.messageIDBeingRespondedTo
        case .cCancelRQ(let m): m.messageIDBeingRespondedTo
        }
    }

    public func encoded() throws(ProtocolError) -> [UInt8] {
        switch self {
        case .cEchoRQ(let m): try m.encoded()
        case .cEchoRSP(let m): try m.encoded()
        case .cStoreRQ(let m): try m.encoded()
        case .cStoreRSP(let m): try m.encoded()
        case .cFindRQ(let m): try m.encoded()
        case .cFindRSP(let m): try m.encoded()
        case .cMoveRQ(let m): try m.encoded()
        case .cMoveRSP(let m): try m.encoded()
        case .cGetRQ(let m): try m.encoded()
        case .cGetRSP(let m): try m.encoded()
        case .cCancelRQ(let m): try m.encoded()
        }
    }

    /// "C-MOVE-RSP (message 9): 0xFF00 (pending): Pending: sub-operations are continuing", for logs.
    public var description: String {
        let status = (message as? any DIMSEResponse).map { ": " + $0.statusDescription } ?? ""
        return "\(commandField) (message \(messageID))" + status
    }
}
