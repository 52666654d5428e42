import Foundation

extension SimulatedPACS.MoveDestination {
    /// Parses `AE=HOST:PORT` (`--destination`, and each comma-separated item of a simulator
    /// file's `destinations`); an IPv6 host is written in brackets, `AE=[::1]:104`.
    public static func parse(_ text: String, key: String = "--destination") throws(FieldError) -> (aeTitle: String, destination: Self) {
        guard let equals = text.firstIndex(of: "="), let colon = text.lastIndex(of: ":"), equals < colon else {
            throw FieldError(key: key, "\"\(text)\" is not a destination: expected AE=HOST:PORT")
        }
        let aeTitle = text[..<equals].trimmingCharacters(in: .whitespaces)
        var host = Substring(text[text.index(after: equals)..<colon].trimmingCharacters(in: .whitespaces))
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !aeTitle.isEmpty, !host.isEmpty else {
            throw FieldError(key: key, "\"\(text)\" is not a destination: expected AE=HOST:PORT")
        }
        let port = try ConfigValue.port(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces), key: key)
        return (aeTitle, Self(host: String(host), port: port))
    }
}
