/// A Wild Card Matching pattern (PS3.4 §C.2.2.2.4): `*` matches any sequence of characters
/// (including none), `?` exactly one character; everything else matches itself. Characters are
/// Unicode scalars, so `?` matches one accented letter whatever its UTF-8 length.
public struct WildcardPattern: Equatable, Sendable {
    private enum Token: Equatable, Sendable {
        case literal(Unicode.Scalar)
        case any
        case star
    }

    private let tokens: [Token]
    /// Case-insensitive (PACSLink's choice for PN, which §C.2.2.2.4 allows).
    public let ignoresCase: Bool

    public init(_ pattern: String, ignoresCase: Bool = false) {
        self.ignoresCase = ignoresCase
        let text = ignoresCase ? pattern.lowercased() : pattern
        tokens = text.unicodeScalars.map { scalar in
            switch scalar {
            case "*": .star
            case "?": .any
            default: .literal(scalar)
            }
        }
    }

    /// Whether `text` contains `*` or `?`, i.e. asks for wild card matching.
    public static func hasWildcards(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "*" || $0 == "?" }
    }

    /// Whether `value` matches the whole pattern. Linear in practice: the classic
    /// backtrack-to-last-star algorithm, O(pattern × value) at worst, never exponential.
    public func matches(_ value: String) -> Bool {
        let text = Array((ignoresCase ? value.lowercased() : value).unicodeScalars)
        var t = 0, p = 0
        var starAt: Int? = nil, resumeAt = 0
        while t < text.count {
            if p < tokens.count, tokens[p] == .any || tokens[p] == .literal(text[t]) {
                t += 1
                p += 1
            } else if p < tokens.count, tokens[p] == .star {
                starAt = p
                resumeAt = t
                p += 1
            } else if let star = starAt {
                p = star + 1
                resumeAt += 1
                t = resumeAt
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .star { p += 1 }
        return p == tokens.count
    }
}
