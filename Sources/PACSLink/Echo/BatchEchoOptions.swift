/// How `BatchEcho` sweeps its targets.
public struct BatchEchoOptions: Sendable, Equatable {
    /// Associations in flight at once: each costs one socket and one worker on a loop.
    public var concurrency: Int
    /// C-ECHOes per association (the echo timing is then their mean, minimum and maximum).
    public var repeatCount: Int
    /// The whole sweep's budget, counted from its start: no target starts after it, no phase
    /// waits past it, and targets it cut short are timeouts. `nil`: only the per-phase
    /// timeouts of each target bound the sweep.
    public var deadline: Duration?

    public init(concurrency: Int = 64, repeatCount: Int = 1, deadline: Duration? = nil) {
        self.concurrency = max(1, concurrency)
        self.repeatCount = max(1, repeatCount)
        self.deadline = deadline
    }
}
