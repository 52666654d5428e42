/// The rule for Application Entity titles (PS3.5 §6.2, VR AE): 1–16 characters of the default
/// character repertoire (ISO-IR 6: printable ASCII), no backslash, no control characters, not
/// only spaces. Leading and trailing spaces are not significant and are dropped; case is kept
/// and significant.
public enum AETitleRule {
    public static let maximumLength = 16

    /// The title without its insignificant spaces, or a `FieldError` naming `key` and the rule.
    public static func validate(_ value: String, key: String) throws(FieldError) -> String {
        let title = value.trimmingSpaces
        if title.isEmpty {
            throw FieldError(
                key: key,
                value.isEmpty
                    ? "is empty: an AE title has 1–16 characters (PS3.5 §6.2)"
                    : "\"\(value)\" has only spaces: an AE title needs a character other than space (PS3.5 §6.2)")
        }
        for (offset, scalar) in title.unicodeScalars.enumerated() {
            let position = offset + 1
            if scalar == "\\" {
                throw FieldError(
                    key: key,
                    "\"\(title)\" has a backslash at character \(position): not allowed in an AE title (PS3.5 §6.2)")
            }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                throw FieldError(
                    key: key,
                    "\"\(title.debugDescription.dropFirst().dropLast())\" has control character \(scalar.hex) at character \(position): not allowed in an AE title (PS3.5 §6.2)")
            }
            if scalar.value > 0x7E {
                throw FieldError(
                    key: key,
                    "\"\(title)\" has \(scalar.hex) at character \(position), outside the default character repertoire (ISO-IR 6, printable ASCII) an AE title uses (PS3.5 §6.2)")
            }
        }
        let count = title.unicodeScalars.count
        if count > maximumLength {
            throw FieldError(
                key: key,
                "\"\(title)\" has \(count) characters: an AE title has at most 16 (PS3.5 §6.2)")
        }
        return title
    }
}

extension Unicode.Scalar {
    /// `U+0009` style, for messages.
    var hex: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension String {
    /// The string without leading and trailing U+0020 (the only padding PS3.5 knows).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(scalars[first...last])
    }
}
