/// A range of dates, times or date-times for Range Matching (PS3.4 §C.2.2.2.5): `a-b`, `-b`
/// (up to b), `a-` (from a) or a single value `a` (the range a-a). Bounds may be partial
/// (`2020`, `202003`, `10`, `1030`): a lower bound means the start of its period, an upper
/// bound its end, so `2020` alone matches every day of 2020 and `-2020` every day up to the
/// end of 2020. Times may use the legacy colons (`10:30`), dates the legacy dots
/// (`2020.01.31`). A DT's UTC offset (`&ZZXX`) is ignored: values compare as written.
public struct DateTimeRange: Equatable, Sendable {
    /// Which VR the range is of: DA, TM or DT.
    public enum Kind: Sendable {
        case date, time, dateTime
    }

    public let kind: Kind
    /// Normalized lower bound (all digits, padded with the earliest values); `nil`: open.
    public let lower: String?
    /// Normalized upper bound (padded with the latest values); `nil`: open.
    public let upper: String?

    /// Parses `text`; `nil` when it is not a single value or range of `kind`.
    public init?(_ text: String, kind: Kind) {
        self.kind = kind
        let (first, second, isRange) = Self.split(text, kind: kind)
        if !isRange {
            guard let low = Self.normalized(first, kind: kind, padding: "0"),
                let high = Self.normalized(first, kind: kind, padding: "9")
            else { return nil }
            (lower, upper) = (low, high)
            return
        }
        guard !(first.isEmpty && second.isEmpty) else { return nil }
        if first.isEmpty {
            lower = nil
        } else {
            guard let low = Self.normalized(first, kind: kind, padding: "0") else { return nil }
            lower = low
        }
        if second.isEmpty {
            upper = nil
        } else {
            guard let high = Self.normalized(second, kind: kind, padding: "9") else { return nil }
            upper = high
        }
    }

    /// Whether the stored value `value` (a DA, TM or DT of this kind) lies within the range;
    /// false for a value that is not one.
    public func contains(_ value: String) -> Bool {
        guard let point = Self.normalized(value, kind: kind, padding: "0") else { return false }
        if let lower, point < lower { return false }
        if let upper, point > upper { return false }
        return true
    }

    /// Splits at the range's hyphen. In a DT, a hyphen followed by exactly four digits that
    /// end the bound is a negative UTC offset, not the range separator.
    private static func split(_ text: String, kind: Kind) -> (Substring, Substring, Bool) {
        let characters = Array(text)
        for (i, c) in characters.enumerated() where c == "-" {
            if kind == .dateTime, i > 0, isOffset(characters[(i + 1)...]) { continue }
            return (Substring(String(characters[..<i])), Substring(String(characters[(i + 1)...])), true)
        }
        return (Substring(text), "", false)
    }

    private static func isOffset(_ rest: ArraySlice<Character>) -> Bool {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return digits.count == 4 && (digits.endIndex == rest.endIndex || rest[digits.endIndex] == "-")
    }

    /// The value as a fixed-width digit string (DA 8, TM 12, DT 20 digits: fractions of a
    /// second to 6 places), missing trailing components filled with `padding`.
    static func normalized<S: StringProtocol>(_ text: S, kind: Kind, padding: Character) -> String? {
        var value = String(text).trimmingSpacesAndNULs()
        if kind == .dateTime, let sign = value.dropFirst(4).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            value = String(value[..<sign])  // the UTC offset
        }
        if kind == .time { value.removeAll { $0 == ":" } }
        if kind == .date { value.removeAll { $0 == "." } }
        let parts = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : nil
        let (allowed, wholeWidth): ([Int], Int) =
            switch kind {
            case .date: ([4, 6, 8], 8)
            case .time: ([2, 4, 6], 6)
            case .dateTime: ([4, 6, 8, 10, 12, 14], 14)
            }
        guard allowed.contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if let fraction {
            guard kind != .date, whole.count == wholeWidth, (1...6).contains(fraction.count),
                fraction.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
        }
        let fractionWidth = kind == .date ? 0 : 6
        let padded = String(whole) + String(repeating: padding, count: wholeWidth - whole.count)
        let paddedFraction = (fraction.map(String.init) ?? "")
        return padded + paddedFraction
            + String(repeating: padding, count: fractionWidth - paddedFraction.count)
    }
}

extension String {
    /// Without leading and trailing spaces and NULs (value padding, PS3.5 §6.2).
    func trimmingSpacesAndNULs() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\0" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\0" { s.removeLast() }
        return String(s)
    }
}
