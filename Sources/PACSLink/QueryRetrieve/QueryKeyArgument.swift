import DICOMProtocol
import Foundation

/// One `-k Key[=Value]` argument of `pacslink find` (the form DCMTK's findscu takes): Key is a
/// PS3.6 keyword (`PatientName`) or a tag `gggg,eeee` (parentheses allowed) that the
/// dictionary knows; no `=` or an empty value asks for the attribute back (a return key with
/// universal matching, PS3.4 §C.2.2.2.3).
public struct QueryKeyArgument: Equatable, Sendable {
    public let tag: Tag
    public let vr: VR
    /// The value to match; empty for a return key.
    public let value: String

    public init(tag: Tag, vr: VR, value: String = "") {
        self.tag = tag
        self.vr = vr
        self.value = value
    }

    /// Parses `argument`; throws `unknownKey` for a keyword or tag the dictionary does not
    /// know (its VR would be unknown).
    public init(parsing argument: String) throws(QueryError) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = parts[0].trimmingCharacters(in: .whitespaces)
        guard let entry = Self.entry(for: key) else {
            throw QueryError(
                .unknownKey, field: "-k \(argument)",
                "\"\(key)\" is neither a keyword nor a gggg,eeee tag of the data dictionary")
        }
        self.init(tag: entry.tag, vr: entry.vr, value: parts.count > 1 ? String(parts[1]) : "")
    }

    /// This key as a data element of an identifier whose text is in `characterSet`.
    func element(in characterSet: SpecificCharacterSet) throws(QueryError) -> DataElement {
        let field = QueryError.name(tag)
        if vr == .SQ {
            guard value.isEmpty else {
                throw QueryError(.invalidValue, field: field, "a sequence can only be asked for as a return key")
            }
            return DataElement(sequence: tag, items: [])
        }
        guard !value.isEmpty else { return DataElement(tag: tag, vr: vr, bytes: []) }
        if vr.isText {
            var scratch = DataSet()
            do {
                if characterSet != .isoIR6 {
                    try scratch.setString(characterSet.definedTerm, for: .specificCharacterSet, vr: .CS)
                }
                try scratch.setString(value, for: tag, vr: vr)
            } catch {
                throw QueryError(.invalidValue, field: field, error.detail)
            }
            return scratch[tag]!
        }
        guard let number = UInt32(value), vr == .UL || (vr == .US && number <= UInt16.max) else {
            throw QueryError(.invalidValue, field: field, "\"\(value)\" is not a \(vr) value")
        }
        var scratch = DataSet()
        if vr == .US { scratch.setUInt16(UInt16(number), for: tag) } else { scratch.setUInt32(number, for: tag) }
        return scratch[tag]!
    }

    private static func entry(for key: String) -> DictionaryEntry? {
        if let entry = DataDictionary.entry(forKeyword: key) { return entry }
        var hex = key
        if hex.hasPrefix("("), hex.hasSuffix(")") { hex = String(hex.dropFirst().dropLast()) }
        let halves = hex.split(separator: ",", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy({ $0.count == 4 }),
            let group = UInt16(halves[0], radix: 16), let element = UInt16(halves[1], radix: 16)
        else { return nil }
        return DataDictionary.entry(for: Tag(group, element))
    }
}
