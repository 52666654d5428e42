/// Which retrieve service a `RetrieveRSP` answers: C-MOVE or C-GET.
public protocol RetrieveService: Sendable {
    static var responseCommandField: CommandField { get }
}

/// C-MOVE (PS3.7 §9.1.4).
public enum CMoveService: RetrieveService {
    public static var responseCommandField: CommandField { .cMoveRSP }
}

/// C-GET (PS3.7 §9.1.3).
public enum CGetService: RetrieveService {
    public static var responseCommandField: CommandField { .cGetRSP }
}

/// C-MOVE-RSP (PS3.7 §9.1.4, Table 9.3-10).
public typealias CMoveRSP = RetrieveRSP<CMoveService>
/// C-GET-RSP (PS3.7 §9.1.3, Table 9.3-7).
public typealias CGetRSP = RetrieveRSP<CGetService>

/// C-MOVE-RSP and C-GET-RSP: the same fields and coding (`RetrieveResponse`), told apart by
/// their Command Field.
public struct RetrieveRSP<Service: RetrieveService>: RetrieveResponse {
    public static var commandField: CommandField { Service.responseCommandField }
    public var messageIDBeingRespondedTo: UInt16
    public var affectedSOPClassUID: String?
    public var status: DIMSEStatus
    public var subOperations: SubOperationCounts
    public var hasDataSet: Bool
    public var errorComment: String?

    public init(
        messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: DIMSEStatus,
        subOperations: SubOperationCounts = SubOperationCounts(), hasDataSet: Bool = false, errorComment: String? = nil
    ) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        self.subOperations = subOperations
        self.hasDataSet = hasDataSet
        self.errorComment = errorComment
    }
}
