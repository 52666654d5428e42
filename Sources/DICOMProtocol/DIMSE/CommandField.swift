/// Command Field (0000,0100): which DIMSE operation a command set carries (PS3.7 §9.3,
/// §10.3, Table E.1-1). An open set: codes this implementation does not handle survive
/// decoding so that the peer can be told precisely what was not understood.
public struct CommandField: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let cStoreRQ = CommandField(rawValue: 0x0001)
    public static let cStoreRSP = CommandField(rawValue: 0x8001)
    public static let cGetRQ = CommandField(rawValue: 0x0010)
    public static let cGetRSP = CommandField(rawValue: 0x8010)
    public static let cFindRQ = CommandField(rawValue: 0x0020)
    public static let cFindRSP = CommandField(rawValue: 0x8020)
    public static let cMoveRQ = CommandField(rawValue: 0x0021)
    public static let cMoveRSP = CommandField(rawValue: 0x8021)
    public static let cEchoRQ = CommandField(rawValue: 0x0030)
    public static let cEchoRSP = CommandField(rawValue: 0x8030)
    public static let nEventReportRQ = CommandField(rawValue: 0x0100)
    public static let nEventReportRSP = CommandField(rawValue: 0x8100)
    public static let nGetRQ = CommandField(rawValue: 0x0110)
    public static let nGetRSP = CommandField(rawValue: 0x8110)
    public static let nSetRQ = CommandField(rawValue: 0x0120)
    public static let nSetRSP = CommandField(rawValue: 0x8120)
    public static let nActionRQ = CommandField(rawValue: 0x0130)
    public static let nActionRSP = CommandField(rawValue: 0x8130)
    public static let nCreateRQ = CommandField(rawValue: 0x0140)
    public static let nCreateRSP = CommandField(rawValue: 0x8140)
    public static let nDeleteRQ = CommandField(rawValue: 0x0150)
    public static let nDeleteRSP = CommandField(rawValue: 0x8150)
    public static let cCancelRQ = CommandField(rawValue: 0x0FFF)

    /// Responses have the high bit set (PS3.7 Table E.1-1).
    public var isResponse: Bool { rawValue & 0x8000 != 0 && self != .cCancelRQ }

    private static let names: [CommandField: String] = [
        .cStoreRQ: "C-STORE-RQ", .cStoreRSP: "C-STORE-RSP", .cGetRQ: "C-GET-RQ", .cGetRSP: "C-GET-RSP",
        .cFindRQ: "C-FIND-RQ", .cFindRSP: "C-FIND-RSP", .cMoveRQ: "C-MOVE-RQ", .cMoveRSP: "C-MOVE-RSP",
        .cEchoRQ: "C-ECHO-RQ", .cEchoRSP: "C-ECHO-RSP", .nEventReportRQ: "N-EVENT-REPORT-RQ",
        .nEventReportRSP: "N-EVENT-REPORT-RSP", .nGetRQ: "N-GET-RQ", .nGetRSP: "N-GET-RSP",
        .nSetRQ: "N-SET-RQ", .nSetRSP: "N-SET-RSP", .nActionRQ: "N-ACTION-RQ", .nActionRSP: "N-ACTION-RSP",
        .nCreateRQ: "N-CREATE-RQ", .nCreateRSP: "N-CREATE-RSP", .nDeleteRQ: "N-DELETE-RQ",
        .nDeleteRSP: "N-DELETE-RSP", .cCancelRQ: "C-CANCEL-RQ",
    ]

    /// "C-STORE-RQ", or "command field 0x1234" for an unknown code.
    public var description: String {
        Self.names[self] ?? "command field 0x" + String(rawValue, radix: 16, uppercase: true)
    }
}
