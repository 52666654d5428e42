import DICOMProtocol

/// A query key or identifier that cannot be used (PS3.4 §C.4.1.1, §C.2.2.2), naming the
/// attribute and saying what to change. The SCP answers it with a 0xA900 or 0xC000 status
/// and `detail` as Error Comment; the CLI prints it and exits with a usage error.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// A `-k` argument that is not `Key[=Value]` with a known keyword or `gggg,eeee` tag.
        case unknownKey
        /// A value that breaks a matching rule (a wildcard in a UID, a malformed date range).
        case invalidValue
        /// Query/Retrieve Level (0008,0052) absent, unknown or not a level of the model.
        case invalidLevel
        /// A unique key of the query level or of a level above it is missing or not a single
        /// value (hierarchical model, PS3.4 §C.4.1.1.3.1).
        case missingUniqueKey
        /// A key of a level below the query level, or an upper level's key that is not its
        /// unique key (hierarchical model, PS3.4 §C.4.1.1.3.1).
        case keyNotAtLevel
    }

    public let kind: Kind
    /// The attribute or argument concerned: "PatientName (0010,0010)", "-k Foo".
    public let field: String
    public let detail: String

    public init(_ kind: Kind, field: String, _ detail: String) {
        self.kind = kind
        self.field = field
        self.detail = detail
    }

    /// The attribute `tag` as "Keyword (gggg,eeee)" when the dictionary knows it.
    static func name(_ tag: Tag) -> String {
        DataDictionary.entry(for: tag).map { "\($0.keyword) \(tag)" } ?? "\(tag)"
    }

    public var description: String { "\(field): \(detail)" }

    /// The status a C-FIND, C-MOVE or C-GET SCP answers this error with: 0xA900, Identifier
    /// Does Not Match SOP Class (PS3.4 Tables C.4-1, C.4-2, C.4-3).
    public var status: DIMSEStatus { .dataSetDoesNotMatchSOPClass }

    /// The error as Error Comment (0000,0902), an LO in a command set: at most 64 characters
    /// of the default repertoire (PS3.7 Annex E, PS3.5 §6.2); "§" is dropped, other
    /// non-ASCII characters become "?".
    public var errorComment: String {
        var ascii = String.UnicodeScalarView()
        for scalar in description.unicodeScalars where scalar != "§" {
            ascii.append(scalar.isASCII ? scalar : "?")
        }
        let comment = String(ascii)
        return comment.count <= 64 ? comment : String(comment.prefix(61)) + "..."
    }
}
