import Foundation
import PACSLink

/// `pacslink echo` output, in the report's order (sorted by name, host, port): a table then the
/// summary line, one JSON document with a `summary` object, or CSV with a header line (the
/// summary line then goes to stderr). Times are milliseconds; a phase not reached is "-"
/// (table), null (JSON) or empty (CSV). "echo" is the mean round trip; with `--repeat K` the
/// table adds its minimum and maximum, which JSON and CSV always carry.
struct EchoReport {
    let report: BatchEchoReport
    let repeatCount: Int

    var results: [EchoResult] { report.results }

    static let phases = ["resolve", "connect", "tls", "associate", "echo", "echo_min", "echo_max", "release", "total"]

    func print(_ format: EchoCommand.Format) throws {
        switch format {
        case .table:
            Swift.print(Table.render([tableHeader] + results.map(tableRow)), terminator: "")
            Swift.print(report.summary)
        case .csv:
            Swift.print(([csvHeader] + results.map(csvRow)).joined(separator: "\n"))
            FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        case .json: try JSONOutput.print(Document(results: results.map(Row.init), summary: Summary(report)))
        }
    }

    /// The phases the table shows: the echo's minimum and maximum only when echoing repeatedly.
    private var tablePhases: [String] {
        repeatCount > 1 ? Self.phases : Self.phases.filter { $0 != "echo_min" && $0 != "echo_max" }
    }

    private var tableHeader: [String] {
        ["TARGET", "AE", "RESULT"] + tablePhases.map { $0.uppercased().replacingOccurrences(of: "_", with: " ") + " ms" }
            + ["DETAIL"]
    }

    private func tableRow(_ result: EchoResult) -> [String] {
        let row = Row(result)
        return [row.target, row.calledAET, row.ok ? "ok" : row.failureClass ?? "failed"]
            + tablePhases.map { row.milliseconds[$0]??.formatted(.number.precision(.fractionLength(1))) ?? "-" }
            + [row.ok ? (row.status ?? "") : "\(row.failurePhase ?? ""): \(row.message ?? "")"]
    }

    private var csvHeader: String {
        (["name", "host", "port", "called_aet", "calling_aet", "ok", "status", "failure_class", "failure_phase", "echoes"]
            + Self.phases.map { "\($0)_ms" } + ["message"]).joined(separator: ",")
    }

    private func csvRow(_ result: EchoResult) -> String {
        let row = Row(result)
        let fields = [row.name ?? "", row.host, String(row.port), row.calledAET, row.callingAET, row.ok ? "yes" : "no",
                      row.status ?? "", row.failureClass ?? "", row.failurePhase ?? "", String(row.echoes)]
            + Self.phases.map { row.milliseconds[$0]??.description ?? "" } + [row.message ?? ""]
        return fields.map(Self.csvField).joined(separator: ",")
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct Document: Encodable {
        let results: [Row]
        let summary: Summary
    }

    /// `{"targets", "ok", "failed", "failures_by_class": {class: count}, "elapsed_ms"}`.
    struct Summary: Encodable {
        let targets: Int
        let ok: Int
        let failed: Int
        let failuresByClass: [String: Int]
        let elapsedMilliseconds: Double

        init(_ report: BatchEchoReport) {
            targets = report.results.count
            ok = report.succeeded
            failed = report.failed
            failuresByClass = Dictionary(uniqueKeysWithValues: report.failuresByClass.map { ($0.failureClass.rawValue, $0.count) })
            elapsedMilliseconds = Row.milliseconds(report.elapsed)
        }

        enum CodingKeys: String, CodingKey {
            case targets, ok, failed, failuresByClass = "failures_by_class", elapsedMilliseconds = "elapsed_ms"
        }
    }

    /// One echo as JSON: `{"name", "host", "port", "called_aet", "calling_aet", "ok", "status",
    /// "failure": {"class", "phase", "message"} | null, "echoes", "timings_ms": {phase: ms | null}}`.
    struct Row: Encodable {
        let name: String?
        let host: String
        let port: UInt16
        let calledAET: String
        let callingAET: String
        let ok: Bool
        let status: String?
        let failureClass: String?
        let failurePhase: String?
        let message: String?
        let echoes: Int
        let milliseconds: [String: Double?]

        var target: String { name ?? "\(host):\(port)" }

        init(_ result: EchoResult) {
            name = result.target.name
            host = result.target.host
            port = result.target.port
            calledAET = result.target.calledAETitle
            callingAET = result.target.callingAETitle
            ok = result.succeeded
            status = result.status.map { $0.description(for: .cEchoRSP) }
            failureClass = result.failure?.failureClass.rawValue
            failurePhase = result.failure?.phase
            message = result.failure?.message
            echoes = result.timings.echoes
            let t = result.timings
            let values: [Duration?] = [
                t.resolve, t.connect, t.tls, t.associate, t.echo, t.echoMinimum, t.echoMaximum, t.release, t.total,
            ]
            milliseconds = Dictionary(uniqueKeysWithValues: zip(EchoReport.phases, values.map { $0.map(Self.milliseconds) }))
        }

        static func milliseconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return (Double(seconds) * 1_000_000 + Double(attoseconds) / 1e12).rounded() / 1000
        }

        enum CodingKeys: String, CodingKey {
            case name, host, port, calledAET = "called_aet", callingAET = "calling_aet", ok, status, failure, echoes
            case timings = "timings_ms"
        }
        enum FailureKeys: String, CodingKey { case failureClass = "class", phase, message }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(host, forKey: .host)
            try c.encode(port, forKey: .port)
            try c.encode(calledAET, forKey: .calledAET)
            try c.encode(callingAET, forKey: .callingAET)
            try c.encode(ok, forKey: .ok)
            try c.encode(status, forKey: .status)
            if let failureClass {
                var f = c.nestedContainer(keyedBy: FailureKeys.self, forKey: .failure)
                try f.encode(failureClass, forKey: .failureClass)
                try f.encode(failurePhase, forKey: .phase)
                try f.encode(message, forKey: .message)
            } else {
                try c.encodeNil(forKey: .failure)
            }
            try c.encode(echoes, forKey: .echoes)
            try c.encode(milliseconds, forKey: .timings)
        }
    }
}
