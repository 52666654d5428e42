import DICOMProtocol
import DICOMTransport

/// What `pacslink simulate` starts: `count` simulated PACS on ports `basePort` …
/// `basePort + count − 1`, AE titles `aeTitle`, `aeTitle`2, `aeTitle`3, …, each over a synthetic
/// archive (seed `seed` + its index, so each holds different studies) or the Part 10 files of
/// `folder` (the same files for all), with the same destinations and behaviour.
public struct SimulatorSetup: Sendable {
    public var count = 1
    public var basePort: UInt16 = 11113
    public var aeTitle = "SIMPACS"
    public var host = "::"
    public var synthetic = SyntheticStudies(studies: 2, seriesPerStudy: 2, instancesPerSeries: 3)
    /// Serve these files instead of synthetic studies.
    public var folder: String?
    public var destinations: [String: SimulatedPACS.MoveDestination] = [:]
    public var omitMoveOriginator = false
    public var storage = SimulatedPACS.Storage.memory
    public var misbehaviour = SimulatedPACS.Misbehaviour()
    public var tls: TLSConfiguration?
    public var timeouts = AssociationTimeouts()

    public init() {}

    /// The configurations, and what loading the folder did (if one was given). Throws
    /// `FieldError` for a count, port range or AE title that does not fit, `FileError` for an
    /// unreadable folder. Loading a folder is blocking I/O.
    public func configurations() throws -> (configurations: [SimulatedPACS.Configuration], load: StudyDatabase.FolderLoad?) {
        guard count >= 1 else { throw FieldError(key: "--count", "\(count): expected at least 1") }
        guard Int(basePort) + count - 1 <= 65535 else {
            throw FieldError(key: "--base-port", "\(basePort) + \(count) simulators: ports beyond 65535")
        }
        var load: StudyDatabase.FolderLoad?
        var files = StudyDatabase()
        if let folder { load = try files.addFiles(under: folder) }
        let configurations = try (0..<count).map { index throws in
            let title = index == 0 ? aeTitle : aeTitle + String(index + 1)
            do throws(ProtocolError) {
                _ = try AETitle(validating: title, field: "--aet")
            } catch {
                throw FieldError(key: "--aet", "\(title) (simulator \(index + 1)): \(error.detail)")
            }
            var archive = synthetic
            archive.seed = synthetic.seed &+ UInt64(index)
            return SimulatedPACS.Configuration(
                aeTitle: title, port: basePort + UInt16(index), host: host, tls: tls,
                database: folder == nil ? archive.makeDatabase() : files, destinations: destinations, storage: storage,
                omitMoveOriginator: omitMoveOriginator, misbehaviour: misbehaviour, timeouts: timeouts)
        }
        return (configurations, load)
    }
}
