import DICOMProtocol

/// C-MOVE and C-GET SCP lookups (PS3.4 §C.4.2.2.1, §C.4.3.2.1): the instances a retrieve
/// identifier names.
extension StudyDatabase {
    /// The instances under the entities the identifier of a C-MOVE or C-GET names, in the
    /// order they were added. Hierarchical rules (PS3.4 §C.4.2.2.1.2): Query/Retrieve Level
    /// names a level of `model`; every level above it has its unique key with one value; the
    /// retrieve level's unique key has one or more values (a list of UIDs). Other keys are
    /// ignored. Unknown UIDs and entities that are not under the given upper keys contribute
    /// nothing.
    public func instances(matching identifier: DataSet, model: QueryModel) throws(QueryError) -> [IndexedInstance] {
        let level = try QueryRequest.level(of: identifier, in: model)
        var upper: [QueryLevel: String] = [:]
        for above in model.levels(above: level) {
            let values = Self.values(of: above.uniqueKey, in: identifier)
            guard values.count == 1 else {
                throw QueryError(
                    .missingUniqueKey, field: QueryError.name(above.uniqueKey),
                    "a \(level) retrieve of the \(model) model needs the \(above) level's unique key with one value (PS3.4 §C.4.2.2.1)")
            }
            upper[above] = values[0]
        }
        let keys = Self.values(of: level.uniqueKey, in: identifier)
        guard !keys.isEmpty else {
            throw QueryError(
                .missingUniqueKey, field: QueryError.name(level.uniqueKey),
                "a \(level) retrieve needs one or more values of the level's unique key (PS3.4 §C.4.2.2.1)")
        }
        let named = keys.filter { key in
            var current = (level: level, key: key)
            while let parentLevel = Self.level(above: current.level), let parent = entity(current.level, current.key)?.parent {
                if let wanted = upper[parentLevel], wanted != parent { return false }
                current = (parentLevel, parent)
            }
            return entity(level, key) != nil
        }
        return instances(at: level, keys: named)
    }

    /// Every instance of the study with this Study Instance UID.
    public func instances(studyInstanceUID uid: String) -> [IndexedInstance] {
        instances(at: .study, keys: [uid])
    }

    /// Every instance of the series with these Series Instance UIDs.
    public func instances(seriesInstanceUIDs uids: [String]) -> [IndexedInstance] {
        instances(at: .series, keys: uids)
    }

    /// The instances under the entities `keys` of `level`, each once.
    public func instances(at level: QueryLevel, keys: [String]) -> [IndexedInstance] {
        var seen = Set<String>()
        return keys.flatMap { descendants(of: level, $0, at: .image) }
            .filter { seen.insert($0).inserted }
            .compactMap { instance(sopInstanceUID: $0) }
    }

    /// The values of `tag` (backslash-separated), without padding or empty ones.
    private static func values(of tag: Tag, in identifier: DataSet) -> [String] {
        (identifier.strings(tag) ?? []).filter { !$0.isEmpty }
    }
}
