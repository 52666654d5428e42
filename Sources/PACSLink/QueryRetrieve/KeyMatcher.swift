import DICOMProtocol

/// The matching one key of a C-FIND identifier asks for (PS3.4 §C.2.2.2), ready to test
/// stored records.
///
/// PACSLink's choices where the standard leaves them open (for the conformance statement):
/// - PN values match case-insensitively (single value and wild card), and trailing `^`
///   component separators are not significant; every other VR matches case-sensitively.
/// - IS and DS single values compare as numbers ("007" matches "7"); US, UL, SS and SL keys
///   compare their integer values.
/// - Single value matching of DA, TM and DT is Range Matching of the range `v-v`, so a
///   partial value (`2020`, `10`) matches its whole period (see `DateTimeRange`). Date and
///   time keys are matched separately, never as a combined date-time (§C.2.2.2.5.1 is not
///   offered).
/// - A stored attribute that is absent or empty matches only Universal Matching.
/// - A multi-valued stored attribute (Modalities in Study `CT\MR`) matches when one of its
///   values does.
/// - Sequence Matching (§C.2.2.2.6) is treated as Universal Matching: the stored sequence is
///   returned, its items are not matched.
public struct KeyMatcher: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Zero-length key (§C.2.2.2.3): every record matches.
        case universal
        /// §C.2.2.2.1.
        case singleValue(String)
        /// §C.2.2.2.4.
        case wildcard(WildcardPattern)
        /// §C.2.2.2.5 (and single DA/TM/DT values).
        case range(DateTimeRange)
        /// §C.2.2.2.2: a backslash-separated list of UIDs.
        case uidList([String])
        /// §C.2.2.2.6, treated as universal.
        case sequence
    }

    public let tag: Tag
    public let vr: VR
    public let kind: Kind

    /// The matching `element` (a key of `identifier`, whose Specific Character Set decodes
    /// it) asks for. Throws `invalidValue` for a wildcard in a UI, DA, TM or DT, a malformed
    /// date/time or range, a backslash outside a UID list, or an invalid UID in a list.
    public init(key element: DataElement, in identifier: DataSet) throws(QueryError) {
        tag = element.tag
        vr = element.vr
        let field = QueryError.name(tag)
        if element.items != nil || vr == .SQ {
            kind = .sequence
            return
        }
        let text = Self.text(of: element.tag, in: identifier)
        guard !text.isEmpty else {
            kind = .universal
            return
        }
        if text == "*" {
            kind = .universal  // §C.2.2.2.4: a lone "*" is Universal Matching for every VR
            return
        }
        let isDateOrTime = [VR.DA, .TM, .DT].contains(vr)
        if WildcardPattern.hasWildcards(text) {
            guard vr != .UI, !isDateOrTime else {
                throw QueryError(.invalidValue, field: field, "wild card matching (* or ?) is not allowed for \(vr) (PS3.4 §C.2.2.2.4)")
            }
            kind = .wildcard(WildcardPattern(text, ignoresCase: vr == .PN))
            return
        }
        if vr == .UI {
            let uids = text.split(separator: "\\", omittingEmptySubsequences: false).map { String($0).trimmingSpacesAndNULs() }
            for uid in uids where !UID.isValid(uid) {
                throw QueryError(.invalidValue, field: field, "\"\(uid)\" is not a valid UID (PS3.5 §9.1)")
            }
            kind = uids.count == 1 ? .singleValue(uids[0]) : .uidList(uids)
            return
        }
        guard !text.contains("\\") || vr.isSingleValuedText else {
            throw QueryError(.invalidValue, field: field, "several values (\\) are only allowed in List of UID Matching (PS3.4 §C.2.2.2.2)")
        }
        if isDateOrTime {
            let rangeKind: DateTimeRange.Kind = vr == .DA ? .date : vr == .TM ? .time : .dateTime
            guard let range = DateTimeRange(text, kind: rangeKind) else {
                throw QueryError(.invalidValue, field: field, "\"\(text)\" is neither a \(vr) value nor a range of them (PS3.4 §C.2.2.2.5)")
            }
            kind = .range(range)
            return
        }
        kind = .singleValue(text)
    }

    /// Whether `record` matches this key.
    public func matches(_ record: DataSet) -> Bool {
        switch kind {
        case .universal, .sequence:
            return true
        case .singleValue(let wanted):
            return Self.values(of: tag, in: record).contains { equal(wanted, $0) }
        case .wildcard(let pattern):
            return Self.values(of: tag, in: record).contains { pattern.matches($0) }
        case .range(let range):
            return Self.values(of: tag, in: record).contains { range.contains($0) }
        case .uidList(let uids):
            return Self.values(of: tag, in: record).contains { uids.contains($0) }
        }
    }

    private func equal(_ wanted: String, _ stored: String) -> Bool {
        switch vr {
        case .PN: Self.personName(wanted) == Self.personName(stored)
        case .IS: Int(wanted) != nil ? Int(wanted) == Int(stored) : wanted == stored
        case .DS: Double(wanted) != nil ? Double(wanted) == Double(stored) : wanted == stored
        default: wanted == stored
        }
    }

    private static func personName(_ name: String) -> String {
        var s = Substring(name.lowercased())
        while s.last == "^" { s.removeLast() }
        return String(s)
    }

    /// The key's value as text: text VRs decoded, binary integers in decimal.
    private static func text(of tag: Tag, in dataSet: DataSet) -> String {
        values(of: tag, in: dataSet).joined(separator: "\\")
    }

    /// The non-empty values of `tag` in `dataSet`, as text.
    private static func values(of tag: Tag, in dataSet: DataSet) -> [String] {
        guard let element = dataSet[tag] else { return [] }
        let values: [String]
        switch element.vr {
        case .US: values = dataSet.uint16s(tag)?.map { String($0) } ?? []
        case .UL: values = dataSet.uint32s(tag)?.map { String($0) } ?? []
        case .SS: values = dataSet.uint16s(tag)?.map { String(Int16(bitPattern: $0)) } ?? []
        case .SL: values = dataSet.uint32s(tag)?.map { String(Int32(bitPattern: $0)) } ?? []
        default: values = element.vr.isText ? dataSet.strings(tag) ?? [] : []
        }
        return values.filter { !$0.isEmpty }
    }
}
