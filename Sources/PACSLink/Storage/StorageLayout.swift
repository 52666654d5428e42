import DICOMProtocol
import Foundation

/// Where received instances live under the storage root:
/// `<root>/RetrievedFiles/<StudyUID>/<SeriesUID>/<SOPInstanceUID>.dcm` for instances of our own
/// retrieves, `<root>/ReceivedFiles/…` for unsolicited ones.
///
/// UIDs come from the network: each is checked against PS3.5 §9.1 (digits and dots, at most
/// 64 characters) before it becomes a path component, so no value can name `..`, contain a
/// `/` or escape the root.
public struct StorageLayout: Sendable, Equatable {
    public enum Disposition: String, Sendable, Equatable, CaseIterable {
        /// Sub-operations of a C-MOVE or C-GET we sent.
        case retrieved
        /// Stores no retrieve of ours asked for.
        case received

        public var folderName: String {
            switch self {
            case .retrieved: "RetrievedFiles"
            case .received: "ReceivedFiles"
            }
        }
    }

    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The file for one instance. Throws `cannotUnderstand` naming the first UID that is not a
    /// valid UID.
    public func fileURL(
        studyInstanceUID: String, seriesInstanceUID: String, sopInstanceUID: String, disposition: Disposition
    ) throws(StorageError) -> URL {
        let components = [
            (studyInstanceUID, "Study Instance UID (0020,000D)"), (seriesInstanceUID, "Series Instance UID (0020,000E)"),
            (sopInstanceUID, "SOP Instance UID (0008,0018)"),
        ]
        for (uid, field) in components {
            do throws(ProtocolError) {
                try UID.validate(uid, field: field)
            } catch {
                throw StorageError(.cannotUnderstand, "\(error); not stored")
            }
        }
        return root.appendingPathComponent(disposition.folderName, isDirectory: true)
            .appendingPathComponent(studyInstanceUID, isDirectory: true)
            .appendingPathComponent(seriesInstanceUID, isDirectory: true)
            .appendingPathComponent(sopInstanceUID + ".dcm", isDirectory: false)
    }
}
