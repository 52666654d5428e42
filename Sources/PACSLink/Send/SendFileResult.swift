import DICOMProtocol

/// What happened to one path given to `send`: stored (perhaps with a warning), refused by the
/// peer with a status, failed before or while sending, skipped as not DICOM, or not sent
/// because the send was interrupted.
public struct SendFileResult: Sendable, Hashable {
    public var path: String
    /// Set when the path was read as a Part 10 file.
    public var file: SendFile?
    public var outcome: Outcome

    public init(path: String, file: SendFile? = nil, outcome: Outcome) {
        self.path = path
        self.file = file
        self.outcome = outcome
    }

    public enum Outcome: Sendable, Hashable {
        /// The peer answered the C-STORE-RQ with a success or warning status (PS3.4 §B.2.3).
        case stored(DIMSEStatus, errorComment: String?)
        /// The peer answered with a failure status.
        case refused(DIMSEStatus, errorComment: String?)
        /// Not stored for a reason on our side or the association's: unreadable file, no
        /// accepted presentation context, association rejected or aborted.
        case failed(String)
        /// Not a DICOM Part 10 file (or a folder without `--recursive`): ignored, not an error.
        case skipped(String)
        /// The send was interrupted before this file was stored.
        case notSent(String)
    }

    /// "success", "warning", "failure", "skipped" or "not-sent": what reports count.
    public var category: Category {
        switch outcome {
        case .stored(let status, _): status.category == .warning ? .warning : .success
        case .refused, .failed: .failure
        case .skipped: .skipped
        case .notSent: .notSent
        }
    }

    public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
        case success, warning, failure, skipped
        case notSent = "not-sent"
    }

    /// The DIMSE status, when the peer answered.
    public var status: DIMSEStatus? {
        switch outcome {
        case .stored(let status, _), .refused(let status, _): status
        default: nil
        }
    }

    /// The peer's Error Comment (0000,0902), when it sent one.
    public var errorComment: String? {
        switch outcome {
        case .stored(_, let comment), .refused(_, let comment): comment
        default: nil
        }
    }

    /// Why the file was not stored, when no status says it.
    public var reason: String? {
        switch outcome {
        case .failed(let reason), .skipped(let reason), .notSent(let reason): reason
        default: nil
        }
    }

    /// One line for people: "stored", "warning 0xB000 (warning): Coercion of data elements",
    /// "failed: 0xA700 (failure): Refused: Out of resources", "skipped: not a DICOM file".
    public var detail: String {
        switch outcome {
        case .stored(let status, let comment) where status.category == .warning:
            "warning " + status.description(for: .cStoreRSP) + Self.comment(comment)
        case .stored: "stored"
        case .refused(let status, let comment): "failed: " + status.description(for: .cStoreRSP) + Self.comment(comment)
        case .failed(let reason): "failed: " + reason
        case .skipped(let reason): "skipped: " + reason
        case .notSent(let reason): "not sent: " + reason
        }
    }

    private static func comment(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return " (\(text))"
    }
}
