import Foundation
import PACSLink

/// `pacslink echo` output: a table, one JSON document, or CSV with a header line. Times are
/// milliseconds; a phase not reached is "-" (table), null (JSON) or empty (CSV).
struct EchoReport {
    let results: [EchoResult]

    static let phases = ["resolve", "connect", "tls", "associate", "echo", "release", "total"]

    func print(_ format: EchoCommand.Format) throws {
        switch format {
        case .table: Swift.print(Table.render([tableHeader] + results.map(tableRow)), terminator: "")
        case .csv: Swift.print(([csvHeader] + results.map(csvRow)).joined(separator: "\n"))
        case .json: try JSONOutput.print(Document(results: results.map(Row.init)))
        }
    }

    private var tableHeader: [String] {
        ["TARGET", "AE", "RESULT"] + Self.phases.map { $0.uppercased() + " ms" } + ["DETAIL"]
    }

    private func tableRow(_ result: EchoResult) -> [String] {
        let row = Row(result)
        return [row.target, row.calledAET, row.ok ? "ok" : row.failureClass ?? "failed"]
            + Self.phases.map { row.milliseconds[$0]??.formatted(.number.precision(.fractionLength(1))) ?? "-" }
            + [row.ok ? (row.status ?? "") : "\(row.failurePhase ?? ""): \(row.message ?? "")"]
    }

    private var csvHeader: String {
        (["name", "host", "port", "called_aet", "calling_aet", "ok", "status", "failure_class", "failure_phase"]
            + Self.phases.map { "\($0)_ms" } + ["message"]).joined(separator: ",")
    }

    private func csvRow(_ result: EchoResult) -> String {
        let row = Row(result)
        let fields = [row.name ?? "", row.host, String(row.port), row.calledAET, row.callingAET, row.ok ? "yes" : "no",
                      row.status ?? "", row.failureClass ?? "", row.failurePhase ?? ""]
            + Self.phases.map { row.milliseconds[$0]??.description ?? "" } + [row.message ?? ""]
        return fields.map(Self.csvField).joined(separator: ",")
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct Document: Encodable { let results: [Row] }

    /// One echo as JSON: `{"name", "host", "port", "called_aet", "calling_aet", "ok", "status",
    /// "failure": {"class", "phase", "message"} | null, "timings_ms": {phase: ms | null}}`.
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
            let t = result.timings
            let values: [Duration?] = [t.resolve, t.connect, t.tls, t.associate, t.echo, t.release, t.total]
            milliseconds = Dictionary(uniqueKeysWithValues: zip(EchoReport.phases, values.map { $0.map(Self.milliseconds) }))
        }

        static func milliseconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return (Double(seconds) * 1000 + Double(attoseconds) / 1e15 * 1000).rounded() / 1000
        }

        enum CodingKeys: String, CodingKey {
            case name, host, port, calledAET = "called_aet", callingAET = "calling_aet", ok, status, failure
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
            try c.encode(milliseconds, forKey: .timings)
        }
    }
}
