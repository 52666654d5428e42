/// An instance of the `StudyDatabase` as retrieval needs it: what to announce in the C-STORE
/// sub-operation (SOP class and instance, PS3.7 §9.1.1) and where its data set comes from.
public struct IndexedInstance: Equatable, Sendable {
    public let sopClassUID: String
    public let sopInstanceUID: String
    public let studyInstanceUID: String
    public let seriesInstanceUID: String
    public let source: InstanceSource

    public init(
        sopClassUID: String, sopInstanceUID: String, studyInstanceUID: String, seriesInstanceUID: String,
        source: InstanceSource
    ) {
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.source = source
    }
}
