/// An instance on disk: its file renamed into place (and flushed, per the store's policy).
public struct StoredInstance: Sendable, Equatable {
    public var file: String
    public var sopClassUID: String
    public var sopInstanceUID: String
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    /// Size of the file, File Meta Information included.
    public var size: Int
}
