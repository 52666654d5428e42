/// A key or value that breaks its rule, before anyone knows where it came from: the ini reader
/// adds the file position, the command line reports it as it is. The message names the field
/// and the rule, e.g. `port: 0 is out of range: expected 1–65535`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ini key (`ae_title`, `port`, …) the value was meant for.
    public let key: String
    /// The problem and what was expected, without the key.
    public let problem: String
    /// True when the key itself is unknown (the ini reader then points at the key, not the value).
    public let isUnknownKey: Bool

    public init(key: String, _ problem: String, isUnknownKey: Bool = false) {
        self.key = key
        self.problem = problem
        self.isUnknownKey = isUnknownKey
    }

    public var description: String { "\(key): \(problem)" }

    /// An unknown key, listing the keys that exist.
    static func unknownKey(_ key: String, expected: [String]) -> FieldError {
        FieldError(
            key: key, "unknown key; expected one of \(expected.joined(separator: ", "))",
            isUnknownKey: true)
    }
}
