import DICOMProtocol

/// C-FIND SCP behaviour over the archive (PS3.4 §C.4.1.3.1.1, hierarchical search).
extension StudyDatabase {
    /// The response identifiers of a C-FIND, one per matching entity at the query level, in
    /// the order entities were added. Each holds exactly the identifier's keys (PS3.4
    /// §C.4.1.1.3.2): the stored value, or a zero-length value when the entity has none;
    /// Query/Retrieve Level as asked; Specific Character Set ISO_IR 192 when a returned text
    /// is not ASCII.
    public func find(_ request: QueryRequest) -> [DataSet] {
        matchingViews(request).map { response(from: $0, to: request) }
    }

    /// The merged attributes (the entity's and its ancestors', plus requested counts) of every
    /// entity at the query level that matches all keys. Pruned top-down: an ancestor that
    /// fails its level's keys hides its descendants.
    private func matchingViews(_ request: QueryRequest) -> [DataSet] {
        let requested = Set(request.identifier.map(\.tag))
        var nodes: [(key: String, view: DataSet)] = []
        for level in QueryLevel.allCases where level <= request.level {
            if level == .patient {
                nodes = patientOrder.map { ($0, view(of: .patient, $0, extending: DataSet(), requested: requested)) }
            } else {
                let parentLevel = Self.level(above: level)!
                nodes = nodes.flatMap { parent in
                    (entity(parentLevel, parent.key)?.children ?? []).map {
                        ($0, view(of: level, $0, extending: parent.view, requested: requested))
                    }
                }
            }
            guard request.model.levels.contains(level) else { continue }
            let matchers = request.matchers(at: level)
            nodes = nodes.filter { node in matchers.allSatisfy { $0.matches(node.view) } }
        }
        return nodes.map(\.view)
    }

    /// `parent` with the entity's attributes and the counts `requested` names added.
    private func view(of level: QueryLevel, _ key: String, extending parent: DataSet, requested: Set<Tag>) -> DataSet {
        var view = parent
        for element in entity(level, key)?.attributes ?? DataSet() { view.insert(element) }
        for (tag, values) in computed(level, key) where requested.contains(tag) {
            view.insert(DataElement(tag: tag, asciiValues: values()))
        }
        return view
    }

    /// The attributes of `level` derived from the hierarchy, each computed only when called.
    private func computed(_ level: QueryLevel, _ key: String) -> [(Tag, () -> [String])] {
        let count = { (below: QueryLevel) in [String(self.descendants(of: level, key, at: below).count)] }
        switch level {
        case .patient:
            return [
                (.numberOfPatientRelatedStudies, { count(.study) }),
                (.numberOfPatientRelatedSeries, { count(.series) }),
                (.numberOfPatientRelatedInstances, { count(.image) }),
            ]
        case .study:
            let distinct = { (tag: Tag, below: QueryLevel) -> [String] in
                var seen: [String] = []
                for child in self.descendants(of: level, key, at: below) {
                    if let value = self.entity(below, child)?.attributes.string(tag), !value.isEmpty, !seen.contains(value) {
                        seen.append(value)
                    }
                }
                return seen
            }
            return [
                (.numberOfStudyRelatedSeries, { count(.series) }),
                (.numberOfStudyRelatedInstances, { count(.image) }),
                (.modalitiesInStudy, { distinct(.modality, .series) }),
                (.sopClassesInStudy, { distinct(.sopClassUID, .image) }),
            ]
        case .series:
            return [(.numberOfSeriesRelatedInstances, { count(.image) })]
        case .image:
            return []
        }
    }

    /// The keys of the entities at `target` under the entity `key` of `level`.
    func descendants(of level: QueryLevel, _ key: String, at target: QueryLevel) -> [String] {
        var keys = [key]
        var current = level
        while current < target, let next = Self.level(below: current) {
            keys = keys.flatMap { entity(current, $0)?.children ?? [] }
            current = next
        }
        return keys
    }

    private func response(from view: DataSet, to request: QueryRequest) -> DataSet {
        var response = DataSet()
        for key in request.identifier where key.tag != .specificCharacterSet {
            if key.tag == .queryRetrieveLevel {
                response.insert(key)
            } else if let stored = view[key.tag] {
                response.insert(stored)
            } else {
                response.insert(
                    key.vr == .SQ ? DataElement(sequence: key.tag, items: []) : DataElement(tag: key.tag, vr: key.vr, bytes: []))
            }
        }
        let needsUTF8 = response.contains { element in
            element.vr.usesSpecificCharacterSet && (element.bytes?.contains { $0 >= 0x80 } ?? false)
        }
        if needsUTF8 { response.insert(Self.utf8CharacterSet) }
        return response
    }
}
