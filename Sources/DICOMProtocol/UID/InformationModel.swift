/// A query/retrieve information model: what a C-FIND, C-MOVE or C-GET SOP class queries or
/// retrieves over (PS3.4 Annex C.6 for the Patient Root and Study Root models).
///
/// An open set (a struct with constants) so that a model named by a later edition of PS3.6
/// can still be represented.
public struct InformationModel: Hashable, Sendable, CustomStringConvertible {
    /// The model's name as PS3.6 Table A-1 gives it, without the " - FIND" suffix.
    public let name: String

    public init(name: String) { self.name = name }

    public var description: String { name }
}
