/// Where a sweep stands after one more target finished: what a progress line shows.
public struct BatchEchoProgress: Sendable {
    public var done: Int
    public var failed: Int
    public var total: Int
    /// The result that just arrived.
    public var latest: EchoResult
}
