/// How a server is asked for studies: C-MOVE (the PACS opens a sub-association to our listen
/// port, PS3.4 §C.4.2) or C-GET (it sends on the same association, PS3.4 §C.4.3).
public enum RetrieveMethod: String, Sendable, Equatable, CaseIterable, Codable {
    case move
    case get

    /// Parses `move` or `get` (any case).
    public static func parse(_ value: String, key: String) throws(FieldError) -> RetrieveMethod {
        guard let method = RetrieveMethod(rawValue: value.lowercased()) else {
            throw FieldError(key: key, "\"\(value)\" is not a retrieve method: expected move or get")
        }
        return method
    }
}
