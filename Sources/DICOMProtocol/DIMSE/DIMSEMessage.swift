/// A typed DIMSE command (PS3.7 §9.1 parameters, §9.3 encodings): built from and turned into
/// a command set. `hasDataSet` says whether a data set follows the command (PS3.7 §6.3.1).
public protocol DIMSEMessage: Sendable, Equatable {
    static var commandField: CommandField { get }
    /// Reads the message from a decoded command set; throws naming the missing field.
    init(commandSet: DataSet) throws(ProtocolError)
    /// The command set, without Command Group Length (added by `CommandSet.encode`).
    var commandSet: DataSet { get }
    var hasDataSet: Bool { get }
    /// The command set bytes, Implicit VR Little Endian with group length (PS3.7 §6.3.1).
    func encoded() throws(ProtocolError) -> [UInt8]
}

/// A request: it carries Message ID (0000,0110).
public protocol DIMSERequest: DIMSEMessage {
    var messageID: UInt16 { get }
}

/// A response: it answers a Message ID and carries a Status (0000,0900).
public protocol DIMSEResponse: DIMSEMessage {
    var messageIDBeingRespondedTo: UInt16 { get }
    var status: DIMSEStatus { get }
}

extension DIMSEMessage {
    /// The command set bytes, Implicit VR Little Endian with group length (PS3.7 §6.3.1).
    public func encoded() throws(ProtocolError) -> [UInt8] {
        try CommandSet.encode(commandSet)
    }
}

extension DIMSEResponse {
    /// The status with its meaning for this service, for people.
    public var statusDescription: String { status.description(for: Self.commandField) }
}
