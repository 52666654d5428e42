import DICOMProtocol

/// One open retrieve (C-MOVE or C-GET) and what has come of it so far: the sub-operation
/// counts of the latest C-MOVE-RSP/C-GET-RSP (PS3.4 §C.4.2.1.5, §C.4.3.1.4) and the instances
/// stored for it.
///
/// It is complete when the final response has arrived (any non-pending status) and every
/// sub-operation the PACS counted as done — Completed plus Warning, both being stores we
/// answered without failure — has been stored by us. `expectedInstances` is `nil` until then.
public struct PendingMove: Sendable, Equatable {
    /// Identifies a retrieve for its whole life; unlike its Message ID, never reused.
    public struct ID: Hashable, Sendable, Comparable, CustomStringConvertible {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String { "retrieve #\(rawValue)" }
    }

    public let id: ID
    public let request: RetrieveRequest
    /// Message ID (0000,0110) of our C-MOVE-RQ/C-GET-RQ, unique among open retrieves.
    public let messageID: UInt16
    public let startedAt: ContinuousClock.Instant
    /// The last response or store for this retrieve: the fallback window and the inactivity
    /// timeout count from here.
    public private(set) var lastActivity: ContinuousClock.Instant
    /// Counts from the latest response (PS3.7 §9.1.4.1.6–9).
    public private(set) var subOperations = SubOperationCounts()
    /// Status of the final response, once it has arrived.
    public private(set) var finalStatus: DIMSEStatus?
    /// SOP Instance UIDs stored, in the order their files were committed.
    public private(set) var storedInstances: [String] = []
    /// Stores we answered with a failure status (the PACS counts them as failed).
    public private(set) var failedStores: [String: DIMSEStatus] = [:]
    /// Stores routed here whose files are still being written.
    public private(set) var storesInProgress: Set<String> = []
    private var stored: Set<String> = []

    init(id: ID, request: RetrieveRequest, messageID: UInt16, startedAt: ContinuousClock.Instant) {
        self.id = id
        self.request = request
        self.messageID = messageID
        self.startedAt = startedAt
        self.lastActivity = startedAt
    }

    /// Completed + Warning of the final response: the instances that must be on disk.
    public var expectedInstances: Int? {
        guard finalStatus != nil else { return nil }
        return Int(subOperations.completed ?? 0) + Int(subOperations.warning ?? 0)
    }

    public var isComplete: Bool {
        guard let expected = expectedInstances else { return false }
        return storesInProgress.isEmpty && stored.count >= expected
    }

    /// What is still missing, in words: for a timeout report.
    public var missing: String {
        var parts: [String] = []
        if finalStatus == nil {
            let remaining = subOperations.remaining.map { ", \($0) sub-operations remaining at the last response" } ?? ""
            parts.append("no final C-\(request.method == .move ? "MOVE" : "GET")-RSP\(remaining)")
        }
        if let expected = expectedInstances, stored.count < expected {
            parts.append("\(expected - stored.count) of \(expected) counted instances not stored")
        }
        if !storesInProgress.isEmpty {
            parts.append("\(storesInProgress.count) still being written: \(storesInProgress.sorted().joined(separator: ", "))")
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }

    mutating func receive(_ counts: SubOperationCounts, status: DIMSEStatus, at now: ContinuousClock.Instant) {
        subOperations = counts
        if status.isFinal { finalStatus = status }
        lastActivity = max(lastActivity, now)
    }

    mutating func beginStore(_ sopInstanceUID: String, at now: ContinuousClock.Instant) {
        storesInProgress.insert(sopInstanceUID)
        lastActivity = max(lastActivity, now)
    }

    /// A stored duplicate (the PACS sent the same instance twice) counts once.
    mutating func finishStore(_ sopInstanceUID: String, status: DIMSEStatus, at now: ContinuousClock.Instant) {
        storesInProgress.remove(sopInstanceUID)
        lastActivity = max(lastActivity, now)
        if status.category == .failure {
            failedStores[sopInstanceUID] = status
        } else if stored.insert(sopInstanceUID).inserted {
            failedStores[sopInstanceUID] = nil
            storedInstances.append(sopInstanceUID)
        }
    }
}
