/// How one step of `pacslink doctor` ended.
public enum DoctorVerdict: String, Sendable, Hashable, CaseIterable {
    /// The step found what a working query/retrieve path needs.
    case ok
    /// It works now, but something will or may break it (a certificate about to expire, an
    /// address that does not answer, a listener reachable on loopback only).
    case warning
    /// This part of the path is broken; the step's advice says what to do.
    case failed
    /// Not run: an earlier step failed, or it was not asked for.
    case skipped
}
