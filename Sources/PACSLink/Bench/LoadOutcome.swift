/// What one operation of a load run did: succeeded or why not, the data-set bytes it moved,
/// and what it yielded besides itself (C-FIND matches, C-MOVE sub-operations).
public struct LoadOutcome: Sendable, Hashable {
    /// `nil` when the operation succeeded.
    public var failure: EchoFailure?
    /// Data-set bytes carried: sent (C-STORE) or received (C-FIND identifiers, the files a
    /// C-MOVE stored). Counted for failed operations too (what went over the wire).
    public var bytes: Int
    /// C-FIND matches, or C-MOVE sub-operations completed; 0 for echo and store.
    public var items: Int

    public init(failure: EchoFailure? = nil, bytes: Int = 0, items: Int = 0) {
        self.failure = failure
        self.bytes = bytes
        self.items = items
    }

    public static let succeeded = LoadOutcome()

    public static func failed(_ failure: EchoFailure) -> LoadOutcome { LoadOutcome(failure: failure) }
}
