/// The registry's one error type: what went wrong, with the file position when it came from
/// an ini file, and a kind the command line maps to its exit codes (docs/configuration.md).
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A value, a key, a section or a file that does not follow the rules.
        case invalid
        /// The entry belongs to the administrator's file, which no command changes.
        case readOnly
        /// No server has that name.
        case notFound
        /// Reading, writing or locking a file failed.
        case io
    }

    public let kind: Kind
    /// `file:line:column` of the offending text, when it came from a file.
    public let location: SourceLocation?
    public let message: String

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}

/// A position in a configuration file; lines and columns count from 1, columns in characters.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
