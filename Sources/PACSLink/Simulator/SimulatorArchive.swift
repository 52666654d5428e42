import DICOMProtocol
import DICOMTransport

/// A simulated PACS's `StudyDatabase`, shared by all its associations: C-FIND, C-MOVE and
/// C-GET read it, the Storage SCP adds to it, from any loop thread.
public final class SimulatorArchive: Sendable {
    private let database: LockedState<StudyDatabase>

    public init(_ database: StudyDatabase) {
        self.database = LockedState(database)
    }

    /// A copy of the database as it is now (cheap: copy on write).
    public var snapshot: StudyDatabase { database.withLock { $0 } }

    /// Indexes a stored instance (`StudyDatabase.add(_:source:)`).
    public func add(_ dataSet: DataSet, source: InstanceSource) throws(QueryError) {
        try database.withLock { (database: inout StudyDatabase) throws(QueryError) in try database.add(dataSet, source: source) }
    }
}
