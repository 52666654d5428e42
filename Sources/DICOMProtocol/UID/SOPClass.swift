/// A SOP class: the pair of a service and an information object that an abstract syntax names in
/// a presentation context (PS3.4 §6.3, PS3.8 §7.1.1.13); the registry is PS3.6 Annex A.
///
/// Equality and hashing use the UID alone: two values with one UID are the same SOP class.
public struct SOPClass: Hashable, Sendable, CustomStringConvertible {
    /// What a SOP class is for, as far as PACSLink's services care.
    public enum Kind: Hashable, Sendable {
        /// The Verification SOP Class (PS3.4 Annex A): C-ECHO.
        case verification
        /// A storage SOP class of the Storage Service Class (PS3.4 Annex B.5): C-STORE of a
        /// composite instance.
        case storage
        /// A storage SOP class of the Non-Patient Object Storage Service Class (PS3.4 Annex GG):
        /// hanging protocols, color palettes, implant templates, protocols, inventories.
        case nonPatientObjectStorage
        /// A C-FIND SOP class of the given information model (PS3.4 Annex C, K, …).
        case find(InformationModel)
        /// A C-MOVE SOP class of the given information model.
        case move(InformationModel)
        /// A C-GET SOP class of the given information model.
        case get(InformationModel)
        /// Any other SOP class (N-services, print, worklist management, …).
        case other
    }

    /// The SOP Class UID (PS3.6 Annex A).
    public let uid: String
    /// The standard's name, as in PS3.6 Table A-1 ("CT Image Storage").
    public let name: String
    public let kind: Kind
    /// Retired from the standard; still recognised, never proposed by default.
    public let isRetired: Bool

    public init(uid: String, name: String, kind: Kind, isRetired: Bool = false) {
        self.uid = uid
        self.name = name
        self.kind = kind
        self.isRetired = isRetired
    }

    public static func == (lhs: SOPClass, rhs: SOPClass) -> Bool { lhs.uid == rhs.uid }
    public func hash(into hasher: inout Hasher) { hasher.combine(uid) }

    public var description: String { "\(name) (\(uid))" }

    /// Every standard, non-retired storage SOP class of the Storage Service Class
    /// (PS3.4 Annex B.5): what a storage SCP accepts and what a C-GET SCU proposes.
    public static let allStorage: [SOPClass] = all.filter { $0.kind == .storage && !$0.isRetired }

    private static let byUID: [String: SOPClass] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.uid, $0) })

    /// The registered SOP class with this UID, or `nil` for a UID PS3.6 does not list
    /// (a private SOP class, a typo).
    public static func lookup(uid: String) -> SOPClass? { byUID[uid] }
}
