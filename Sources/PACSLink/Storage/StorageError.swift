import DICOMProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an instance was not stored, and the C-STORE-RSP status that says so (PS3.4 §B.2.3):
///
/// | kind | status | when |
/// | --- | --- | --- |
/// | `outOfResources` | 0xA700 Refused: Out of Resources | `ENOSPC`, `EDQUOT` |
/// | `notWritable` | 0xA700 Refused: Out of Resources | `EACCES`, `EPERM`, `EROFS`: we cannot take instances now |
/// | `dataSetMismatch` | 0xA900 Error: Data Set does not match SOP Class | the data set's SOP Class or Instance UID differs from the command's (as DCMTK's `storescp` answers) |
/// | `cannotUnderstand` | 0xC000 Error: Cannot understand | an invalid UID (never made a path), an unreadable data set, no Study/Series Instance UID |
/// | `ioFailure` | 0x0110 Processing failure (PS3.7 §C.5.10) | any other system error (`EIO`, …) |
public struct StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case outOfResources, notWritable, dataSetMismatch, cannotUnderstand, ioFailure
    }

    public let kind: Kind
    /// One sentence for a person: what failed, where, and what to do.
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// A failed file operation, classified by its `errno`.
    init(_ error: FileError) {
        switch error.code {
        case ENOSPC, EDQUOT:
            self.init(.outOfResources, "storage full: \(error)")
        case EACCES, EPERM, EROFS:
            self.init(.notWritable, "storage not writable (check the storage root's permissions and mount): \(error)")
        default:
            self.init(.ioFailure, "\(error)")
        }
    }

    /// The status to answer in the C-STORE-RSP.
    public var status: DIMSEStatus {
        switch kind {
        case .outOfResources, .notWritable: .outOfResources
        case .dataSetMismatch: .dataSetDoesNotMatchSOPClass
        case .cannotUnderstand: .unableToProcess
        case .ioFailure: .processingFailure
        }
    }

    /// Error Comment (0000,0902) for the C-STORE-RSP: an LO value, at most 64 characters.
    public var errorComment: String { String(detail.prefix(64)) }

    public var description: String { detail }
}
