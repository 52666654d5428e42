import DICOMProtocol
import DICOMTransport

/// Why a C-FIND, C-MOVE or C-GET did not run to its end: the association failed (its error,
/// with the phase), or the peer answered a failure status (with the status), in one sentence
/// for a person.
public struct QueryRetrieveFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The final DIMSE status, when the peer answered one.
    public var status: DIMSEStatus?
    public var association: AssociationError?

    public init(_ message: String, status: DIMSEStatus? = nil) {
        self.message = message
        self.status = status
    }

    init(association error: AssociationError) {
        self.init("\(error.detail) (\(error.phase.rawValue))")
        association = error
    }

    public var description: String { message }
}
