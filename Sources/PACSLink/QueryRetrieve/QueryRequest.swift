import DICOMProtocol

/// A C-FIND identifier checked against a model's hierarchical rules (PS3.4 §C.4.1.1.3.1,
/// §C.4.1.2.1), with a matcher for each key.
///
/// Rules: Query/Retrieve Level (0008,0052) names a level of the model; each level above it
/// is present only by its unique key, with one value (Single Value Matching); the query
/// level's unique key is present (universal, single value, wild card for Patient ID, or a
/// list of UIDs); keys of lower levels are refused. Specific Character Set, Timezone Offset
/// From UTC, Retrieve AE Title and Instance Availability may appear at any level. Attributes
/// the model's tables do not list are accepted as optional keys PACSLink does not match on
/// (`unsupportedKeys`; PS3.4 §C.4.1.2.3 lets the SCP answer them with status 0xFF01).
public struct QueryRequest: Sendable {
    public let model: QueryModel
    public let level: QueryLevel
    public let identifier: DataSet
    /// One matcher per key, Query/Retrieve Level and Specific Character Set excluded.
    public let matchers: [KeyMatcher]
    /// Keys with a value that PACSLink cannot match on (not in the model's tables); they
    /// are returned when the record holds them and otherwise ignored.
    public let unsupportedKeys: [Tag]

    public init(identifier: DataSet, model: QueryModel) throws(QueryError) {
        let level = try Self.level(of: identifier, in: model)
        var matchers: [KeyMatcher] = []
        var unsupported: [Tag] = []
        for element in identifier where !Self.controlKeys.contains(element.tag) {
            let matcher = try KeyMatcher(key: element, in: identifier)
            guard let keyLevel = model.level(of: element.tag) else {
                if matcher.kind != .universal, matcher.kind != .sequence { unsupported.append(element.tag) }
                continue
            }
            if keyLevel > level {
                throw QueryError(
                    .keyNotAtLevel, field: QueryError.name(element.tag),
                    "is a key of the \(keyLevel) level; a \(level) query of the hierarchical \(model) model cannot use it (PS3.4 §C.4.1.1.3.1)")
            }
            if keyLevel < level, element.tag != keyLevel.uniqueKey {
                throw QueryError(
                    .keyNotAtLevel, field: QueryError.name(element.tag),
                    "belongs to the \(keyLevel) level; above the query level \(level) only unique keys may appear (PS3.4 §C.4.1.1.3.1)")
            }
            matchers.append(matcher)
        }
        for upper in model.levels(above: level) {
            guard let matcher = matchers.first(where: { $0.tag == upper.uniqueKey }), case .singleValue = matcher.kind else {
                throw QueryError(
                    .missingUniqueKey, field: QueryError.name(upper.uniqueKey),
                    "a \(level) query of the \(model) model needs the \(upper) level's unique key with a single value (PS3.4 §C.4.1.1.3.1)")
            }
        }
        guard identifier.contains(level.uniqueKey) else {
            throw QueryError(
                .missingUniqueKey, field: QueryError.name(level.uniqueKey),
                "the unique key of the \(level) level must be in the identifier, empty to have it returned (PS3.4 §C.4.1.1.3.1)")
        }
        self.model = model
        self.level = level
        self.identifier = identifier
        self.matchers = matchers
        self.unsupportedKeys = unsupported
    }

    /// The matchers of the keys that belong to `level` of the model (for the query level:
    /// its keys; above it: the unique key).
    public func matchers(at level: QueryLevel) -> [KeyMatcher] {
        matchers.filter { model.level(of: $0.tag) == level }
    }

    /// Query/Retrieve Level (0008,0052) of `identifier`, checked against `model`.
    static func level(of identifier: DataSet, in model: QueryModel) throws(QueryError) -> QueryLevel {
        let field = QueryError.name(.queryRetrieveLevel)
        guard let text = identifier.string(.queryRetrieveLevel), !text.isEmpty else {
            throw QueryError(.invalidLevel, field: field, "missing: say PATIENT, STUDY, SERIES or IMAGE")
        }
        guard let level = QueryLevel(name: text) else {
            throw QueryError(.invalidLevel, field: field, "\"\(text)\" is not PATIENT, STUDY, SERIES or IMAGE")
        }
        guard model.levels.contains(level) else {
            throw QueryError(.invalidLevel, field: field, "the \(model) model has no \(level) level (PS3.4 §C.6.2.1)")
        }
        return level
    }

    /// Attributes that are not keys of a level and may accompany any query.
    static let controlKeys: Set<Tag> = [
        .queryRetrieveLevel, .specificCharacterSet, .timezoneOffsetFromUTC, .retrieveAETitle, .instanceAvailability,
    ]
}
