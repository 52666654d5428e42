/// A JSON value (RFC 8259) as the DICOM JSON Model needs it, with a serializer whose output is
/// deterministic: object members keep their insertion order, and numbers keep the exact text
/// they were given (a DS value "1.0" stays `1.0`, PS3.18 §F.2.3.1).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number token, already in JSON number syntax.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order they are to be written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The text of this value; `indent` spaces per level, or a single line when `nil`.
    public func serialized(indent: Int? = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let values):
            writeContainer("[", "]", values.count, to: &out, indent: indent, level: level) { i, out in
                values[i].write(to: &out, indent: indent, level: level + 1)
            }
        case .object(let members):
            writeContainer("{", "}", members.count, to: &out, indent: indent, level: level) { i, out in
                Self.writeString(members[i].0, to: &out)
                out += indent == nil ? ":" : ": "
                members[i].1.write(to: &out, indent: indent, level: level + 1)
            }
        }
    }

    private func writeContainer(
        _ open: String, _ close: String, _ count: Int, to out: inout String, indent: Int?, level: Int,
        member: (Int, inout String) -> Void
    ) {
        out += open
        guard count > 0 else { return out += close }
        let newline = indent.map { "\n" + String(repeating: " ", count: $0 * (level + 1)) } ?? ""
        for i in 0..<count {
            out += i == 0 ? newline : "," + newline
            member(i, &out)
        }
        out += indent.map { "\n" + String(repeating: " ", count: $0 * level) } ?? ""
        out += close
    }

    /// RFC 8259 §7: quote, backslash and control characters are escaped; everything else is
    /// written as UTF-8.
    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
