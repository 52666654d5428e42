/// How a load generator runs: how many workers, until when, and whether each operation gets
/// an association of its own.
public struct LoadConfiguration: Sendable, Hashable {
    /// When the run ends.
    public enum Stop: Sendable, Hashable {
        /// Workers start no operation after this long; those in flight finish.
        case duration(Duration)
        /// Exactly this many operations in all, shared out evenly among the workers.
        case count(Int)
    }

    /// Workers, each with one operation (and at most one association) in flight.
    public var concurrency: Int
    public var stop: Stop
    /// `false`: association churn, every operation is connect, negotiate, operate, release,
    /// close. `true`: each worker keeps one association open and repeats the operation in it
    /// (opening a new one only when it fails).
    public var reusesAssociations: Bool

    public init(concurrency: Int, stop: Stop, reusesAssociations: Bool = false) {
        precondition(concurrency > 0, "a load needs at least one worker")
        self.concurrency = concurrency
        self.stop = stop
        self.reusesAssociations = reusesAssociations
    }

    /// Each worker's share of the run, for a run starting at `start`.
    func budgets(startingAt start: ContinuousClock.Instant) -> [LoadBudget] {
        switch stop {
        case .duration(let duration):
            return Array(repeating: .until(start + duration), count: concurrency)
        case .count(let total):
            let share = total / concurrency, extra = total % concurrency
            return (0..<concurrency).map { .operations($0 < extra ? share + 1 : share) }
        }
    }
}

/// One worker's share of a run: a number of operations, or a deadline.
enum LoadBudget: Sendable {
    case operations(Int)
    case until(ContinuousClock.Instant)

    /// True, and one operation used, while the budget lasts.
    mutating func claim() -> Bool {
        switch self {
        case .operations(let left):
            guard left > 0 else { return false }
            self = .operations(left - 1)
            return true
        case .until(let deadline):
            return ContinuousClock.now < deadline
        }
    }
}
