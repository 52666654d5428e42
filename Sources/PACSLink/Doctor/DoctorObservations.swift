import DICOMTransport
import Foundation

/// What arrived on our side during steps 8 and 9: the associations the retrieve listener
/// accepted (peer address and calling AE) and the instances stored. Filled from the listener's
/// and the coordinator's callbacks, on any loop; read by the doctor.
final class DoctorObservations: @unchecked Sendable {
    struct Arrival: Sendable {
        /// The peer's address without the port (IPv4-mapped addresses as plain IPv4).
        var peer: String
        var callingAETitle: String
    }

    struct Stored: Sendable {
        var sopInstanceUID: String
        var file: String?
        var failure: String?
    }

    private let lock = NSLock()
    private var arrivalsSeen: [Arrival] = []
    private var storedSeen: [Stored] = []

    var arrivals: [Arrival] { lock.withLock { arrivalsSeen } }
    var stored: [Stored] { lock.withLock { storedSeen } }

    func record(_ event: AcceptorEvent) {
        if case .accepted(let peer, let calling, _) = event {
            lock.withLock { arrivalsSeen.append(Arrival(peer: AcceptancePolicy.host(ofPeer: peer), callingAETitle: calling.value)) }
        }
    }

    func record(_ event: RetrieveCoordinator.Event) {
        if case .stored(_, let sop, let file, let failure) = event {
            lock.withLock { storedSeen.append(Stored(sopInstanceUID: sop, file: file, failure: failure.map { "\($0)" })) }
        }
    }
}
