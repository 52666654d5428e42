/// Parsers for the scalar values of the ini files and the command line; each throws a
/// `FieldError` naming the key and what was expected.
public enum ConfigValue {
    /// A TCP port: a decimal number 1–65535.
    public static func port(_ value: String, key: String) throws(FieldError) -> UInt16 {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError(key: key, "\"\(value)\" is not a port number: expected a whole number 1–65535")
        }
        guard value.count <= 5, let number = Int(value), (1...65535).contains(number) else {
            throw FieldError(key: key, "\(value) is out of range: expected a port number 1–65535")
        }
        return UInt16(number)
    }

    /// A boolean: `true/false`, `yes/no`, `on/off`, `1/0`, in any case.
    public static func boolean(_ value: String, key: String) throws(FieldError) -> Bool {
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default:
            throw FieldError(key: key, "\"\(value)\" is not a boolean: expected true/false, yes/no, on/off or 1/0")
        }
    }

    /// A duration in seconds: a positive decimal number up to a day.
    public static func seconds(_ value: String, key: String) throws(FieldError) -> Double {
        guard let number = Double(value), number.isFinite, number > 0, number <= 86_400,
            value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else {
            throw FieldError(key: key, "\"\(value)\" is not a duration: expected a number of seconds greater than 0, at most 86400")
        }
        return number
    }

    /// A non-empty text without control characters (a file path, a description).
    public static func text(_ value: String, key: String) throws(FieldError) -> String {
        if value.isEmpty { throw FieldError(key: key, "is empty: expected a value") }
        if let control = value.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw FieldError(key: key, "contains control character \(control.hex): not allowed")
        }
        return value
    }

    /// The canonical spelling of a boolean in files we write.
    public static func spelling(_ value: Bool) -> String { value ? "yes" : "no" }

    /// A number of seconds without a useless `.0`.
    public static func spelling(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
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
