import Foundation
import PACSLink

/// `bench` for people: what ran, the rate, the percentiles, the failures.
struct BenchReportText {
    let text: String

    init(_ report: LoadReport, target: String, cpuSeconds: Double) {
        let configuration = report.configuration
        let style = configuration.reusesAssociations ? "operations in one association per worker" : "one association per operation"
        var lines = [
            "bench \(report.scenario) \(target): \(style), concurrency \(configuration.concurrency)",
            "\(report.succeeded) succeeded, \(report.failed) failed in \(Self.format(Self.seconds(report.elapsed), 2)) s: "
                + "\(Self.format(report.operationsPerSecond, 0)) operations/s (\(report.associations) associations, "
                + "\(Self.format(cpuSeconds, 2)) s of CPU)",
        ]
        if report.bytes > 0 || report.itemName != nil {
            var carried = "\(Self.format(Double(report.bytes) / 1e6, 1)) MB of data sets, \(Self.format(report.megabytesPerSecond, 1)) MB/s"
            if let name = report.itemName { carried += "; \(report.items) \(name)" }
            lines.append(carried)
        }
        if let latency = report.latency {
            let cells = [("p50", latency.p50), ("p90", latency.p90), ("p99", latency.p99), ("p99.9", latency.p999), ("max", latency.max)]
            lines.append("latency ms: " + cells.map { "\($0) \(Self.format(Self.seconds($1) * 1000, 3))" }.joined(separator: "  "))
        }
        for failure in report.failures {
            lines.append("  \(failure.count) × \(failure.key.failureClass.rawValue) in \(failure.key.phase): \(failure.example)")
        }
        text = lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        value.formatted(.number.precision(.fractionLength(digits)).grouping(.never))
    }
}
