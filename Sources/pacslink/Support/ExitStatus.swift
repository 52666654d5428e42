import Foundation
import PACSLink

/// The exit codes of docs/cli.md, and the one place errors become them.
enum ExitStatus: Int32 {
    case success = 0
    /// The operation failed (network, association, DIMSE status, a missing server, I/O).
    case failed = 1
    case usage = 2
    /// Invalid configuration or value.
    case invalid = 3
    /// Refused: the entry is the administrator's (read-only).
    case refused = 4

    init(_ kind: RegistryError.Kind) {
        switch kind {
        case .invalid: self = .invalid
        case .readOnly: self = .refused
        case .notFound, .io: self = .failed
        }
    }
}
