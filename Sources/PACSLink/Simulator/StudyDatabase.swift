import DICOMProtocol

/// The simulated PACS's archive: an in-memory index of patients, studies, series and
/// instances (the Patient Root hierarchy, PS3.4 §C.6.1) with the attributes of each level and,
/// per instance, where its data set comes from (`InstanceSource`). C-FIND is answered by
/// `find(_:)`, C-MOVE and C-GET look instances up with `instances(matching:model:)`.
///
/// Each entity keeps the attributes its level lists in PS3.4 Tables C.6-1 to C.6-4 (see
/// `QueryModel.keys(at:)`), taken from the first instance that names it; later instances do
/// not change an existing patient, study or series, nor move it to another parent. Text is
/// kept in UTF-8 whatever the source's Specific Character Set (top-level values; text inside
/// sequences is kept as it came). Counts such as Number of Study Related Instances and
/// Modalities in Study are computed when asked for.
public struct StudyDatabase: Sendable {
    /// One patient, study, series or instance.
    struct Entity: Sendable {
        var attributes: DataSet
        let parent: String?
        var children: [String] = []
    }

    /// Entities by level, keyed by their unique key's value.
    private(set) var entities: [QueryLevel: [String: Entity]] = [:]
    /// Patient IDs in the order patients were added.
    private(set) var patientOrder: [String] = []
    private var sources: [String: InstanceSource] = [:]

    public init() {}

    public var patientCount: Int { entities[.patient]?.count ?? 0 }
    public var studyCount: Int { entities[.study]?.count ?? 0 }
    public var seriesCount: Int { entities[.series]?.count ?? 0 }
    public var instanceCount: Int { entities[.image]?.count ?? 0 }

    /// Indexes the instance `dataSet` (its Pixel Data may be left out) served from `source`.
    /// Adding an SOP Instance UID again replaces its instance-level attributes and source.
    /// Throws `missingUniqueKey` when Study, Series or SOP Instance UID is absent (an empty
    /// Patient ID is allowed: it is type 2).
    public mutating func add(_ dataSet: DataSet, source: InstanceSource) throws(QueryError) {
        var keys: [QueryLevel: String] = [.patient: dataSet.string(.patientID) ?? ""]
        for level in [QueryLevel.study, .series, .image] {
            guard let uid = dataSet.uid(level.uniqueKey), !uid.isEmpty else {
                throw QueryError(.missingUniqueKey, field: QueryError.name(level.uniqueKey), "the instance has none; it cannot be indexed")
            }
            keys[level] = uid
        }
        // An existing study, series or instance keeps its place: the levels above the deepest
        // one that exists are neither created nor changed.
        let deepestExisting = [QueryLevel.image, .series, .study].first { entity($0, keys[$0]!) != nil }
        var parent: String? = nil
        for level in QueryLevel.allCases {
            let key = keys[level]!
            defer { parent = key }
            if let deepestExisting, level < deepestExisting { continue }
            if entity(level, key) == nil {
                entities[level, default: [:]][key] = Entity(attributes: Self.stored(dataSet, at: level), parent: parent)
                if let parent, let parentLevel = Self.level(above: level) {
                    entities[parentLevel]![parent]!.children.append(key)
                } else {
                    patientOrder.append(key)
                }
            } else if level == .image {
                entities[level]![key]!.attributes = Self.stored(dataSet, at: level)
            }
        }
        sources[keys[.image]!] = source
    }

    /// The instance with this SOP Instance UID.
    public func instance(sopInstanceUID uid: String) -> IndexedInstance? {
        guard let entity = entities[.image]?[uid], let source = sources[uid], let seriesUID = entity.parent,
            let studyUID = entities[.series]?[seriesUID]?.parent
        else { return nil }
        return IndexedInstance(
            sopClassUID: entity.attributes.uid(.sopClassUID) ?? "", sopInstanceUID: uid,
            studyInstanceUID: studyUID, seriesInstanceUID: seriesUID, source: source)
    }

    /// The entity of `level` whose unique key is `key`, with its level's attributes.
    func entity(_ level: QueryLevel, _ key: String) -> Entity? { entities[level]?[key] }

    static func level(above level: QueryLevel) -> QueryLevel? {
        QueryLevel.allCases.last { $0 < level }
    }

    static func level(below level: QueryLevel) -> QueryLevel? {
        QueryLevel.allCases.first { $0 > level }
    }

    /// The attributes of `dataSet` that `level` keeps, text re-encoded in UTF-8, with
    /// Specific Character Set ISO_IR 192 so that they decode as such.
    private static func stored(_ dataSet: DataSet, at level: QueryLevel) -> DataSet {
        let source = dataSet.specificCharacterSet
        var result = DataSet([utf8CharacterSet])
        for element in dataSet where storedTags[level]!.contains(element.tag) {
            guard element.vr.usesSpecificCharacterSet, source != .isoIR192, let bytes = element.bytes else {
                result.insert(element)
                continue
            }
            var utf8 = Array(source.decode(bytes).utf8)
            if utf8.count % 2 == 1 { utf8.append(element.vr.paddingByte) }
            result.insert(DataElement(tag: element.tag, vr: element.vr, bytes: utf8))
        }
        return result
    }

    static let utf8CharacterSet = DataElement(tag: .specificCharacterSet, asciiValues: [SpecificCharacterSet.isoIR192.definedTerm])

    /// The tags each level keeps: the Patient Root model's keys of that level (PS3.4 Tables
    /// C.6-1 to C.6-4), except the counts `find` computes.
    private static let storedTags: [QueryLevel: Set<Tag>] = Dictionary(
        uniqueKeysWithValues: QueryLevel.allCases.map { level in
            (level, Set(QueryModel.patientRoot.keys(at: level).map(\.tag)).subtracting(computedTags))
        })

    /// Attributes derived from the hierarchy rather than stored (PS3.4 §C.6.1.1).
    static let computedTags: Set<Tag> = [
        .numberOfPatientRelatedStudies, .numberOfPatientRelatedSeries, .numberOfPatientRelatedInstances,
        .numberOfStudyRelatedSeries, .numberOfStudyRelatedInstances, .modalitiesInStudy, .sopClassesInStudy,
        .numberOfSeriesRelatedInstances,
    ]
}
