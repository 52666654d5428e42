/// Number of Remaining, Completed, Failed and Warning Sub-operations (0000,1020)–(0000,1023)
/// of a C-MOVE-RSP or C-GET-RSP (PS3.7 §9.1.3.1.6–9, §9.1.4.1.6–9). Each is optional: pending
/// responses carry them, final ones may omit Remaining.
public struct SubOperationCounts: Hashable, Sendable {
    public var remaining: UInt16?
    public var completed: UInt16?
    public var failed: UInt16?
    public var warning: UInt16?

    public init(remaining: UInt16? = nil, completed: UInt16? = nil, failed: UInt16? = nil, warning: UInt16? = nil) {
        self.remaining = remaining
        self.completed = completed
        self.failed = failed
        self.warning = warning
    }

    init(_ commandSet: DataSet) {
        self.init(
            remaining: commandSet.uint16(.numberOfRemainingSuboperations),
            completed: commandSet.uint16(.numberOfCompletedSuboperations),
            failed: commandSet.uint16(.numberOfFailedSuboperations),
            warning: commandSet.uint16(.numberOfWarningSuboperations))
    }

    func write(into commandSet: inout DataSet) {
        let fields: [(UInt16?, Tag)] = [
            (remaining, .numberOfRemainingSuboperations), (completed, .numberOfCompletedSuboperations),
            (failed, .numberOfFailedSuboperations), (warning, .numberOfWarningSuboperations),
        ]
        for case let (value?, tag) in fields {
            commandSet.setUInt16(value, for: tag)
        }
    }
}
