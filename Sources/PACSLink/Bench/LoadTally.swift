import Histogram

/// What workers count while a load runs: successes with their latencies (an HdrHistogram in
/// microseconds, 3 significant digits, up to an hour), failures by class and phase, and the
/// bytes and items the operations carried.
struct LoadTally: Sendable {
    /// Latencies of successful operations, in microseconds.
    var latencies = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    var succeeded = 0
    var associations = 0
    var bytes = 0
    var items = 0
    var failures: [LoadReport.FailureKey: (count: Int, example: String)] = [:]

    mutating func record(_ outcome: LoadOutcome, since start: ContinuousClock.Instant) {
        bytes += outcome.bytes
        items += outcome.items
        guard let failure = outcome.failure else {
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
        bytes += other.bytes
        items += other.items
        for (key, value) in other.failures {
            failures[key, default: (0, value.example)].count += value.count
        }
    }
}
