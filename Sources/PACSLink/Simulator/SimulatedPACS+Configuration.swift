import DICOMProtocol
import DICOMTransport

extension SimulatedPACS {
    /// One simulated PACS: who it is, where it listens, what it holds, where it may send
    /// (C-MOVE destinations) and how it misbehaves.
    public struct Configuration: Sendable {
        public var aeTitle: String
        /// 0: any free port (`SimulatedPACS.start()` returns the one bound).
        public var port: UInt16
        public var host: String
        /// A server TLS configuration: the port handshakes TLS first (PS3.15 Annex B.1).
        public var tls: TLSConfiguration?
        public var database: StudyDatabase
        /// C-MOVE destinations by AE title (PS3.4 §C.4.2.1.2: the SCP must know them); any
        /// other destination is refused with 0xA801.
        public var destinations: [String: MoveDestination]
        public var storage: Storage
        /// Send C-MOVE sub-operations without Move Originator AE Title and Message ID
        /// (PS3.7 §9.1.1.1.7–8 makes them optional; some PACS leave them out).
        public var omitMoveOriginator: Bool
        public var misbehaviour: Misbehaviour
        public var timeouts: AssociationTimeouts
        public var maximumAssociations: Int

        public init(
            aeTitle: String, port: UInt16 = 0, host: String = "::", tls: TLSConfiguration? = nil,
            database: StudyDatabase = StudyDatabase(), destinations: [String: MoveDestination] = [:],
            storage: Storage = .memory, omitMoveOriginator: Bool = false, misbehaviour: Misbehaviour = Misbehaviour(),
            timeouts: AssociationTimeouts = AssociationTimeouts(), maximumAssociations: Int = 64
        ) {
            self.aeTitle = aeTitle
            self.port = port
            self.host = host
            self.tls = tls
            self.database = database
            self.destinations = destinations
            self.storage = storage
            self.omitMoveOriginator = omitMoveOriginator
            self.misbehaviour = misbehaviour
            self.timeouts = timeouts
            self.maximumAssociations = maximumAssociations
        }
    }

    /// Where a C-MOVE destination AE title listens.
    public struct MoveDestination: Sendable, Hashable {
        public var host: String
        public var port: UInt16
        public init(host: String, port: UInt16) {
            self.host = host
            self.port = port
        }
    }

    /// Where the Storage SCP puts what it receives; either way the instance joins the archive
    /// at once (C-FIND finds it, C-MOVE/C-GET send it).
    public enum Storage: Sendable, Equatable {
        /// Kept in memory, as received.
        case memory
        /// Written as Part 10 files under this folder (`ReceivedFiles/<study>/<series>/`).
        case folder(String)
    }

    /// Ways to misbehave, for tests and load rigs.
    public struct Misbehaviour: Sendable, Hashable {
        /// Wait this long before each response (every pending and final one).
        public var responseDelay: Duration?
        /// Reject every association (permanent, service user, no reason given: PS3.8 §9.3.4).
        public var rejectAssociations: Bool
        /// Abort (A-ABORT) an association when its request number N + 1 arrives.
        public var abortAfterOperations: Int?
        /// Never release C-MOVE sub-associations: they stay open until the destination closes
        /// them or the simulator stops.
        public var neverReleaseSubAssociations: Bool
        /// Send no Pending C-MOVE/C-GET responses, only the final one (they are optional:
        /// PS3.4 §C.4.2.3.1, and some PACS send none); `responseDelay` still passes where each
        /// would have gone, so the PACS works as slowly but says nothing until the end.
        public var omitPendingResponses: Bool

        public init(
            responseDelay: Duration? = nil, rejectAssociations: Bool = false, abortAfterOperations: Int? = nil,
            neverReleaseSubAssociations: Bool = false, omitPendingResponses: Bool = false
        ) {
            self.responseDelay = responseDelay
            self.rejectAssociations = rejectAssociations
            self.abortAfterOperations = abortAfterOperations
            self.neverReleaseSubAssociations = neverReleaseSubAssociations
            self.omitPendingResponses = omitPendingResponses
        }
    }
}
