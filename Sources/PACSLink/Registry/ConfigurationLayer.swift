/// Which file an entry came from. The administrator's file is read-only for every command and
/// wins when both files name the same server.
public enum ConfigurationLayer: String, Sendable, Equatable, Codable {
    case admin
    case user
}
