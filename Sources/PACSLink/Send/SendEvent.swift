/// What a running send reports as it goes, for progress displays.
public enum SendEvent: Sendable {
    /// More data set bytes were read for sending.
    case bytes(Int)
    /// One file is done (stored, refused, failed or not sent).
    case finished(SendFileResult)
}
