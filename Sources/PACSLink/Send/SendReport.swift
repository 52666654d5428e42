/// The outcome of `send`: one result per path found, in the order found, and the summary.
public struct SendReport: Sendable {
    public var results: [SendFileResult]
    public var summary: SendSummary

    /// Merges the scan's rejections with the results of what was sent, in scan order.
    public init(scan: SendScanner.Scan, sent: [SendFileResult], duration: Duration) {
        let order = scan.order
        let all = scan.rejected + sent
        // Each path is looked up once; the sort moves integers, not results.
        let keys = all.map { order[$0.path] ?? Int.max }
        results = all.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { all[$0] }
        summary = SendSummary(results, duration: duration)
    }
}

extension StoreSCU {
    /// Plans `scan`'s files over `associations` parallel associations, sends them, and
    /// reports every path of the scan.
    public func send(
        _ scan: SendScanner.Scan, associations: Int, events: @escaping @Sendable (SendEvent) -> Void = { _ in }
    ) async -> SendReport {
        let clock = ContinuousClock()
        let start = clock.now
        let sent = await send(SendPlan(files: scan.files, associations: associations), events: events)
        return SendReport(scan: scan, sent: sent, duration: clock.now - start)
    }
}
