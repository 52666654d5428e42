import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink bench echo (--server NAME | --host H --port P --called-aet AE) [--calling-aet AE]
/// [--concurrency C] [--duration SECONDS | --count N] [--reuse] [--timeout SECONDS] [--json]`:
/// a load generator; exit 1 when any operation failed.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load a peer with operations and report their rate, latency percentiles and failures.",
        discussion: """
            Without --reuse every operation opens its own association (connect, negotiate, \
            operate, release, close); with --reuse each worker repeats the operation in one \
            association. Latencies are of successful operations.
            """)

    /// The operations a bench can repeat.
    enum Mode: String, ExpressibleByArgument, CaseIterable { case echo }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The operation: echo.") var mode: Mode
    @Option(help: "A registered server to load.") var server: String?
    @Option(help: "Host to load (with --port and --called-aet).") var host: String?
    @Option(help: "Port to load (1–65535).") var port: String?
    @Option(name: .customLong("called-aet"), help: ArgumentHelp("The peer's AE title.", valueName: "AE")) var calledAET: String?
    @Option(name: .customLong("calling-aet"), help: ArgumentHelp("Our AE title (default: the local AE title).", valueName: "AE"))
    var callingAET: String?
    @Option(help: ArgumentHelp("Operations in flight at once.", valueName: "C")) var concurrency: Int = 1
    @Option(help: ArgumentHelp("Run this long (default 10 seconds).", valueName: "SECONDS")) var duration: Double?
    @Option(help: ArgumentHelp("Run exactly N operations.", valueName: "N")) var count: Int?
    @Flag(help: "Repeat operations inside one association per worker.") var reuse = false
    @Option(help: ArgumentHelp("Seconds to wait per phase (default 10, or the server's timeout).", valueName: "SECONDS"))
    var timeout: Double?
    @Flag(help: "Print one JSON document.") var json = false

    func validate() throws {
        let direct = host != nil || port != nil || calledAET != nil
        if direct == (server != nil) || (direct && (host == nil || port == nil || calledAET == nil)) {
            throw ValidationError("give --server NAME, or --host, --port and --called-aet")
        }
        if duration != nil && count != nil { throw ValidationError("give --duration or --count, not both") }
        if concurrency < 1 || (count ?? 1) < 1 { throw ValidationError("--concurrency and --count must be at least 1") }
        for (value, option) in [(duration, "--duration"), (timeout, "--timeout")] {
            if let value, !(value > 0 && value <= 86_400) {
                throw ValidationError("\(option) \(value): must be a number of seconds above 0")
            }
        }
    }

    func run() async throws {
        let scenario = try EchoLoad(makeTarget())
        let stop: LoadConfiguration.Stop = count.map { .count($0) } ?? .duration(Self.duration(duration ?? 10))
        let configuration = LoadConfiguration(concurrency: concurrency, stop: stop, reusesAssociations: reuse)
        let group = EventLoopGroup()
        let cpuBefore = Self.processCPUSeconds()
        let report = await LoadGenerator.run(scenario, configuration, group: group)
        let cpu = Self.processCPUSeconds() - cpuBefore
        group.shutdown()
        let target = "\(scenario.associationRequest.host):\(scenario.associationRequest.port)"
        if json {
            try JSONOutput.print(BenchReportJSON(report, target: target, cpuSeconds: cpu))
        } else {
            print(BenchReportText(report, target: target, cpuSeconds: cpu).text, terminator: "")
        }
        if report.failed > 0 { throw ExitCode.failure }
    }

    private func makeTarget() throws -> EchoTarget {
        let local = try? global.registry.load().local
        var target: EchoTarget
        if let server {
            let snapshot = try global.registry.load()
            target = EchoTarget(try snapshot.server(named: server), local: snapshot.local, defaultTimeout: Self.duration(timeout ?? 10))
        } else if let host, let port, let calledAET {
            guard let number = UInt16(port), number > 0 else {
                throw RegistryError(.invalid, "--port \(port): must be a number from 1 to 65535")
            }
            target = EchoTarget(
                host: host, port: number, calledAETitle: calledAET, callingAETitle: local?.aeTitle ?? "PACSLINK",
                timeout: Self.duration(timeout ?? 10))
        } else {
            throw ValidationError("give --server NAME, or --host, --port and --called-aet")
        }
        if let callingAET { target.callingAETitle = callingAET }
        if let timeout { target.timeout = Self.duration(timeout) }
        return target
    }

    static func duration(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }

    /// User plus system CPU time of this process so far: what a run costs us whatever else the
    /// machine is doing.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

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
    /// CPU time (user + system) this process spent on the run.
    let cpuSeconds: Double
    let latencyMicroseconds: Latency?
    let failures: [Failure]

    enum CodingKeys: String, CodingKey {
        case mode, target, concurrency, reuse, seconds, succeeded, failed, associations, failures
        case operationsPerSecond = "operations_per_second", latencyMicroseconds = "latency_us", cpuSeconds = "cpu_seconds"
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
        latencyMicroseconds = report.latency.map {
            let us = { (d: Duration) in Int((BenchReportText.seconds(d) * 1e6).rounded()) }
            return Latency(p50: us($0.p50), p90: us($0.p90), p99: us($0.p99), p999: us($0.p999), max: us($0.max), mean: us($0.mean))
        }
        failures = report.failures.map {
            Failure(failureClass: $0.key.failureClass.rawValue, phase: $0.key.phase, count: $0.count, example: $0.example)
        }
    }
}

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
