/// The outcome of a sweep: every result, sorted by name (targets without one by host), host,
/// port and called AE title, and the counts a summary line shows.
public struct BatchEchoReport: Sendable {
    public let results: [EchoResult]
    /// From the sweep's start to its last result.
    public let elapsed: Duration

    public init(results: [EchoResult], elapsed: Duration) {
        self.results = results.sorted { Self.sortKey($0.target) < Self.sortKey($1.target) }
        self.elapsed = elapsed
    }

    public var succeeded: Int { results.count(where: \.succeeded) }
    public var failed: Int { results.count - succeeded }
    public var allSucceeded: Bool { failed == 0 }

    /// Failures per class, most frequent first (ties in the order of `EchoFailure.Class`).
    public var failuresByClass: [(failureClass: EchoFailure.Class, count: Int)] {
        EchoFailure.Class.allCases.compactMap { failureClass in
            let count = results.count { $0.failure?.failureClass == failureClass }
            return count == 0 ? nil : (failureClass, count)
        }.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    /// "300 targets: 180 ok, 120 failed (60 connection refused, 40 timeout, 20 association
    /// rejected) in 1.52 s".
    public var summary: String {
        let failures = failuresByClass.map { "\($0.count) \($0.failureClass.rawValue)" }.joined(separator: ", ")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "\(results.count) target\(results.count == 1 ? "" : "s"): \(succeeded) ok, \(failed) failed"
            + (failures.isEmpty ? "" : " (\(failures))") + " in \(String(format: "%.2f", seconds)) s"
    }

    private static func sortKey(_ target: EchoTarget) -> SortKey {
        SortKey(name: target.name ?? target.host, host: target.host, port: target.port, ae: target.calledAETitle)
    }

    private struct SortKey: Comparable {
        let name: String
        let host: String
        let port: UInt16
        let ae: String
        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.name.lowercased(), a.name, a.host, a.port, a.ae) < (b.name.lowercased(), b.name, b.host, b.port, b.ae)
        }
    }
}
