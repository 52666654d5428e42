import Histogram

/// What workers count while a load runs: successes with their latencies (an HdrHistogram in
/// microseconds, 3 significant digits, up to an hour), and failures by class and phase.
struct LoadTally: Sendable {
    /// Latencies of successful operations, in microseconds.
    var latencies = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    var succeeded = 0
    var associations = 0
    var failures: [LoadReport.FailureKey: (count: Int, example: String)] = [:]

    mutating func record(_ failure: EchoFailure?, since start: ContinuousClock.Instant) {
        guard let failure else {
            let elapsed = (ContinuousClock.now - start).components
            let micros = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
            latencies.record(UInt64(clamping: Swift.max(1, Swift.min(micros, 3_600_000_000))))
            succeeded += 1
            return
        }
        let key = LoadReport.FailureKey(failureClass: failure.failureClass, phase: failure.phase)
        failures[key, default: (0, failure.message)].count += 1
    }

    mutating func merge(_ other: LoadTally) {
        latencies.add(other.latencies)
        succeeded += other.succeeded
        associations += other.associations
        for (key, value) in other.failures {
            failures[key, default: (0, value.example)].count += value.count
        }
    }
}
