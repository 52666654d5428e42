/// Status (0000,0900) of a DIMSE response (PS3.7 §9.1.x.1, Annex C), with the category
/// Annex C assigns to its code and the meaning PS3.4 gives it for the service at hand
/// (Annex B storage, Annex C query/retrieve).
public struct DIMSEStatus: Hashable, Sendable, CustomStringConvertible {
    public let code: UInt16

    public init(code: UInt16) { self.code = code }

    /// The status classes of PS3.7 Annex C.
    public enum Category: String, Sendable, Hashable {
        case success, pending, cancel, warning, failure
    }

    public static let success = DIMSEStatus(code: 0x0000)
    /// Matches or sub-operations are continuing (PS3.4 §C.4.1.1.4, §C.4.2.1.5).
    public static let pending = DIMSEStatus(code: 0xFF00)
    /// Matches are continuing, but one or more optional keys were not supported (PS3.4 §C.4.1.1.4).
    public static let pendingOptionalKeysNotSupported = DIMSEStatus(code: 0xFF01)
    /// Terminated by a C-CANCEL (PS3.7 §C.3).
    public static let cancel = DIMSEStatus(code: 0xFE00)
    /// Storage: Refused, out of resources (PS3.4 §B.2.3, 0xA7xx).
    public static let outOfResources = DIMSEStatus(code: 0xA700)
    /// C-MOVE/C-GET: unable to calculate the number of matches (PS3.4 §C.4.2.1.5).
    public static let outOfResourcesNumberOfMatches = DIMSEStatus(code: 0xA701)
    /// C-MOVE/C-GET: unable to perform sub-operations (PS3.4 §C.4.2.1.5).
    public static let outOfResourcesSubOperations = DIMSEStatus(code: 0xA702)
    /// C-MOVE: the destination AE title is unknown to the SCP (PS3.4 §C.4.2.1.5).
    public static let moveDestinationUnknown = DIMSEStatus(code: 0xA801)
    /// Data set or identifier does not match the SOP class (PS3.4 §B.2.3, §C.4.1.1.4; 0xA9xx).
    public static let dataSetDoesNotMatchSOPClass = DIMSEStatus(code: 0xA900)
    /// Storage: cannot understand; Q/R: unable to process (0xCxxx).
    public static let unableToProcess = DIMSEStatus(code: 0xC000)
    /// Storage: coercion of data elements; C-MOVE/C-GET: sub-operations complete with one or
    /// more failures or warnings (PS3.4 §B.2.3, §C.4.2.1.5).
    public static let warningB000 = DIMSEStatus(code: 0xB000)
    /// Storage: elements discarded (PS3.4 §B.2.3).
    public static let elementsDiscarded = DIMSEStatus(code: 0xB006)
    /// Storage: data set does not match SOP class, stored anyway (PS3.4 §B.2.3).
    public static let dataSetDoesNotMatchSOPClassWarning = DIMSEStatus(code: 0xB007)
    /// Refused: SOP class not supported (PS3.7 §C.5.20).
    public static let sopClassNotSupported = DIMSEStatus(code: 0x0122)
    /// Refused: not authorized (PS3.7 §C.5.22).
    public static let notAuthorized = DIMSEStatus(code: 0x0124)
    /// Processing failure (PS3.7 §C.5.10).
    public static let processingFailure = DIMSEStatus(code: 0x0110)

    /// The category of PS3.7 Annex C: 0000 success; FF00/FF01 pending; FE00 cancel; 0001,
    /// 0107, 0116 and Bxxx warning; everything else (Axxx, Cxxx, 01xx, 02xx and codes the
    /// standard does not define) failure.
    public var category: Category {
        switch code {
        case 0x0000: .success
        case 0xFF00, 0xFF01: .pending
        case 0xFE00: .cancel
        case 0x0001, 0x0107, 0x0116, 0xB000...0xBFFF: .warning
        default: .failure
        }
    }

    public var isSuccess: Bool { category == .success }
    public var isPending: Bool { category == .pending }
    /// True for the statuses that end an operation (everything but pending).
    public var isFinal: Bool { category != .pending }

    /// What the status means in the response to `command` (PS3.4 Annex B for C-STORE, Annex C
    /// for C-FIND, C-MOVE, C-GET), or in general when `command` is nil.
    public func meaning(for command: CommandField? = nil) -> String {
        let service = command.flatMap(DIMSEStatusMeanings.Service.init)
        return DIMSEStatusMeanings.meaning(of: code, in: service) ?? "Status code not defined by the standard (treated as \(category.rawValue))"
    }

    /// "0xA801 (failure): Refused: Move Destination unknown …" for the response to `command`.
    public func description(for command: CommandField?) -> String {
        "0x" + hex + " (\(category.rawValue)): " + meaning(for: command)
    }

    public var description: String { description(for: nil) }

    private var hex: String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
