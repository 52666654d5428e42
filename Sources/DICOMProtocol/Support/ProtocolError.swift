/// The one error type of DICOMProtocol: every decoder and validator throws it, naming the
/// field that failed and, where known, the byte offset, so that a user (or the A-ABORT
/// mapping in the transport) can say exactly what was wrong.
public struct ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The input ended inside a structure whose length said there was more.
        case truncated
        /// Bytes that cannot be what the standard says stands there.
        case malformed
        /// A length larger than allowed (negotiated maximum PDU, 32-bit overflow, sanity bound).
        case tooLong
        /// Well-formed but not something we implement (unknown transfer syntax, PDU type).
        case unsupported
        /// A value that breaks a rule of the standard (a UID with letters, a 17-character AE).
        case invalidValue
    }

    public let kind: Kind
    /// What failed, in the standard's words: "A-ASSOCIATE-RQ Called-AE-title", "(0010,0010) PN".
    public let field: String
    /// Byte offset from the start of the decoded unit (PDU, data set, file), when known.
    public let offset: Int?
    /// One sentence for a person.
    public let detail: String

    public init(_ kind: Kind, field: String, offset: Int? = nil, _ detail: String) {
        self.kind = kind
        self.field = field
        self.offset = offset
        self.detail = detail
    }

    public var description: String {
        let at = offset.map { " at byte \($0)" } ?? ""
        return "\(field)\(at): \(detail)"
    }
}
