/// A service whose request is the bare request fields followed by an identifier:
/// C-FIND or C-GET.
public protocol IdentifierRequestService: Sendable {
    static var requestCommandField: CommandField { get }
}

/// C-FIND (PS3.7 §9.1.2).
public enum CFindService: IdentifierRequestService {
    public static var requestCommandField: CommandField { .cFindRQ }
}

extension CGetService: IdentifierRequestService {
    public static var requestCommandField: CommandField { .cGetRQ }
}

/// C-FIND-RQ (PS3.7 §9.1.2, Table 9.3-3). The identifier (the query keys) always follows.
public typealias CFindRQ = IdentifierRQ<CFindService>
/// C-GET-RQ (PS3.7 §9.1.3, Table 9.3-6). The identifier follows; matches come back as
/// C-STORE sub-operations on the same association (PS3.4 §C.4.3).
public typealias CGetRQ = IdentifierRQ<CGetService>

/// C-FIND-RQ and C-GET-RQ: Message ID, Affected SOP Class UID and Priority, then an
/// identifier; told apart by their Command Field. (C-MOVE-RQ adds the Move Destination.)
public struct IdentifierRQ<Service: IdentifierRequestService>: DIMSERequest {
    public static var commandField: CommandField { Service.requestCommandField }
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
