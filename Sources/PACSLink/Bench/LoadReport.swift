import Histogram

/// The outcome of a load run: rate, latency percentiles of the successful operations, and
/// failures counted by class and phase (refused in connect, timeout in associate, rejected,
/// aborted, bad status, …).
public struct LoadReport: Sendable {
    /// A failure class in the phase it happened in.
    public struct FailureKey: Sendable, Hashable, Comparable {
        public var failureClass: EchoFailure.Class
        public var phase: String

        public init(failureClass: EchoFailure.Class, phase: String) {
            self.failureClass = failureClass
            self.phase = phase
        }

        public static func < (a: Self, b: Self) -> Bool {
            (a.failureClass.rawValue, a.phase) < (b.failureClass.rawValue, b.phase)
        }
    }

    public struct FailureCount: Sendable, Hashable {
        public var key: FailureKey
        public var count: Int
        /// The message of one of them.
        public var example: String
    }

    /// Latencies of successful operations (association churn: the whole association; reuse:
    /// one operation's request to response), from an HdrHistogram at microsecond resolution.
    public struct Latency: Sendable, Hashable {
        public var p50: Duration
        public var p90: Duration
        public var p99: Duration
        public var p999: Duration
        public var max: Duration
        public var mean: Duration
    }

    public var scenario: String
    /// What `items` counts ("matches", "sub-operations"), or `nil`.
    public var itemName: String?
    public var configuration: LoadConfiguration
    public var elapsed: Duration
    public var succeeded: Int
    /// Associations established.
    public var associations: Int
    /// Data-set bytes the operations carried (sent or received), failed ones included.
    public var bytes: Int
    /// C-FIND matches or C-MOVE sub-operations completed, over the run.
    public var items: Int
    /// Most frequent first.
    public var failures: [FailureCount]
    /// `nil` when nothing succeeded.
    public var latency: Latency?

    public var failed: Int { failures.reduce(0) { $0 + $1.count } }

    /// Successful operations per second of the run.
    public var operationsPerSecond: Double { perSecond(Double(succeeded)) }

    /// Megabytes (10⁶ bytes) of data sets per second of the run.
    public var megabytesPerSecond: Double { perSecond(Double(bytes) / 1e6) }

    private func perSecond(_ amount: Double) -> Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? amount / seconds : 0
    }

    init(scenario: String, itemName: String?, configuration: LoadConfiguration, tally: LoadTally, elapsed: Duration) {
        self.scenario = scenario
        self.itemName = itemName
        bytes = tally.bytes
        items = tally.items
        self.configuration = configuration
        self.elapsed = elapsed
        succeeded = tally.succeeded
        associations = tally.associations
        failures = tally.failures
            .map { FailureCount(key: $0.key, count: $0.value.count, example: $0.value.example) }
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        latency = tally.succeeded == 0 ? nil : Latency(tally.latencies)
    }
}

extension LoadReport.Latency {
    init(_ histogram: Histogram<UInt64>) {
        func micros(_ value: UInt64) -> Duration { .microseconds(Int64(clamping: value)) }
        p50 = micros(histogram.valueAtPercentile(50))
        p90 = micros(histogram.valueAtPercentile(90))
        p99 = micros(histogram.valueAtPercentile(99))
        p999 = micros(histogram.valueAtPercentile(99.9))
        max = micros(histogram.max)
        mean = .nanoseconds(Int64(histogram.mean * 1000))
    }
}
