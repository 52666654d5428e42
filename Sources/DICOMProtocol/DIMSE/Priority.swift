/// Priority (0000,0700) of a C-STORE, C-FIND, C-MOVE or C-GET request (PS3.7 §9.1.1.1.5,
/// Table E.1-1). An open set; peers may treat every value alike.
public struct Priority: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let medium = Priority(rawValue: 0x0000)
    public static let high = Priority(rawValue: 0x0001)
    public static let low = Priority(rawValue: 0x0002)

    public var description: String {
        switch self {
        case .medium: "MEDIUM"
        case .high: "HIGH"
        case .low: "LOW"
        default: "priority \(rawValue)"
        }
    }
}
