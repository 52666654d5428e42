import PACSLink

/// `bench --json`: one document; durations in microseconds.
struct BenchReportJSON: Encodable {
    struct Failure: Encodable {
        let failureClass: String, phase: String, count: Int, example: String
        enum CodingKeys: String, CodingKey { case failureClass = "class", phase, count, example }
    }
    struct Latency: Encodable {
        let p50: Int, p90: Int, p99: Int, p999: Int, max: Int, mean: Int
        enum CodingKeys: String, CodingKey { case p50, p90, p99, p999 = "p99_9", max, mean }
    }

    let mode: String, target: String, concurrency: Int, reuse: Bool
    let seconds: Double, succeeded: Int, failed: Int, associations: Int
    let operationsPerSecond: Double
    /// Data-set bytes sent (store) or received (find, move), and their rate in 10⁶ bytes/s.
    let bytes: Int, megabytesPerSecond: Double
    /// What `items` counts ("matches", "sub-operations"), and how many.
    let itemName: String?, items: Int?
    /// CPU time (user + system) this process spent on the run.
    let cpuSeconds: Double
    let latencyMicroseconds: Latency?
    let failures: [Failure]

    enum CodingKeys: String, CodingKey {
        case mode, target, concurrency, reuse, seconds, succeeded, failed, associations, failures
        case operationsPerSecond = "operations_per_second", latencyMicroseconds = "latency_us", cpuSeconds = "cpu_seconds"
        case bytes, megabytesPerSecond = "megabytes_per_second", itemName = "item_name", items
    }

    init(_ report: LoadReport, target: String, cpuSeconds: Double) {
        self.cpuSeconds = (cpuSeconds * 1000).rounded() / 1000
        mode = report.scenario
        self.target = target
        concurrency = report.configuration.concurrency
        reuse = report.configuration.reusesAssociations
        seconds = BenchReportText.seconds(report.elapsed)
        succeeded = report.succeeded
        failed = report.failed
        associations = report.associations
        operationsPerSecond = report.operationsPerSecond.rounded()
        bytes = report.bytes
        megabytesPerSecond = (report.megabytesPerSecond * 1000).rounded() / 1000
        itemName = report.itemName
        items = report.itemName == nil ? nil : report.items
        latencyMicroseconds = report.latency.map {
            let us = { (d: Duration) in Int((BenchReportText.seconds(d) * 1e6).rounded()) }
            return Latency(p50: us($0.p50), p90: us($0.p90), p99: us($0.p99), p999: us($0.p999), max: us($0.max), mean: us($0.mean))
        }
        failures = report.failures.map {
            Failure(failureClass: $0.key.failureClass.rawValue, phase: $0.key.phase, count: $0.count, example: $0.example)
        }
    }
}
