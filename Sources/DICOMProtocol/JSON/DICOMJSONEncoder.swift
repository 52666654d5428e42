/// A data set in the DICOM JSON Model (PS3.18 §F.2): an object whose member names are tags
/// as eight upper-case hex digits, in ascending order, each holding `vr` and `Value` (or
/// `InlineBinary`); an empty value has no `Value` (§F.2.5).
///
/// Choices where PS3.18 leaves room, or where PACSLink departs from it on purpose:
/// - Text is transcoded to UTF-8 (JSON's encoding, §F.2), so a Specific Character Set
///   (0008,0005) of ISO_IR 100 is reported as "ISO_IR 192", as DCMTK's `dcm2json` does.
/// - DS and IS values are JSON numbers with the digits of the file where they are valid JSON
///   (§F.2.3.1); a value that is not a number stays a string, so the output is always valid.
/// - Bulk data (see `BulkData`) carries `"BulkDataLength": N` (bytes; for encapsulated pixel
///   data the sum of all fragments) instead of base64 `InlineBinary`.
public enum DICOMJSONEncoder {
    /// The name of the member that replaces `InlineBinary` for bulk data.
    public static let bulkDataLengthKey = "BulkDataLength"

    public static func encode(_ dataSet: DataSet) -> JSONValue {
        object(dataSet, inherited: .isoIR6)
    }

    private static func object(_ dataSet: DataSet, inherited: SpecificCharacterSet) -> JSONValue {
        let characterSet = ElementValues.characterSet(of: dataSet, inherited: inherited)
        return .object(dataSet.elements.map { element in
            (hex(element.tag.rawValue), attribute(element, in: dataSet, characterSet))
        })
    }

    private static func attribute(
        _ element: DataElement, in dataSet: DataSet, _ characterSet: SpecificCharacterSet
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("vr", .string(element.vr.description))]
        if BulkData.isBulk(element) {
            members.append((bulkDataLengthKey, .number(String(BulkData.length(element)))))
            return .object(members)
        }
        switch element.value {
        case .sequence(let items):
            if !items.isEmpty {
                members.append(("Value", .array(items.map { object($0.dataSet, inherited: characterSet) })))
            }
        case .fragments:
            break  // always bulk data
        case .bytes(let bytes) where !bytes.isEmpty:
            if BulkData.isBinary(element.vr) {
                members.append(("InlineBinary", .string(Base64.encode(bytes))))
            } else {
                members.append(("Value", .array(values(element, bytes, in: dataSet, characterSet))))
            }
        case .bytes:
            break
        }
        return .object(members)
    }

    private static func values(
        _ element: DataElement, _ bytes: [UInt8], in dataSet: DataSet, _ characterSet: SpecificCharacterSet
    ) -> [JSONValue] {
        if let numbers = ElementValues.numbers(bytes, vr: element.vr) {
            return numbers.map(number)
        }
        if element.vr == .AT {
            return ElementValues.tags(bytes).map { .string(hex($0.rawValue)) }
        }
        if element.tag == .specificCharacterSet, characterSet == .isoIR100 {
            return [.string(SpecificCharacterSet.isoIR192.definedTerm)]
        }
        let strings = dataSet.strings(element.tag, characterSet: characterSet) ?? []
        switch element.vr {
        case .PN: return strings.map(personName)
        case .DS, .IS: return strings.map { $0.isEmpty ? .null : number($0) }
        default: return strings.map { $0.isEmpty ? .null : .string($0) }
        }
    }

    /// A number token: the text itself when it is a JSON number, else the shortest
    /// re-spelling of its value ("+1e3" → 1000), else (not a finite number) a string.
    private static func number(_ text: String) -> JSONValue {
        if isJSONNumber(text) { return .number(text) }
        if let value = Double(text), value.isFinite {
            return .number(ElementValues.shortest(value.description))
        }
        return .string(text)
    }

    /// A Person Name (PS3.18 §F.2.2): up to three component groups separated by "=".
    private static func personName(_ value: String) -> JSONValue {
        guard !value.isEmpty else { return .null }
        let groups = value.split(separator: "=", omittingEmptySubsequences: false)
        let names = ["Alphabetic", "Ideographic", "Phonetic"]
        return .object(zip(names, groups).compactMap { name, group in
            group.isEmpty ? nil : (name, .string(String(group)))
        })
    }

    /// RFC 8259 §6 number grammar.
    static func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s.removeFirst() }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count == 1 || digits.first != "0" else { return false }
        s.removeFirst(digits.count)
        if s.first == "." {
            s.removeFirst()
            let fraction = s.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            s.removeFirst(fraction.count)
        }
        if s.first == "e" || s.first == "E" {
            s.removeFirst()
            if s.first == "+" || s.first == "-" { s.removeFirst() }
            let exponent = s.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            s.removeFirst(exponent.count)
        }
        return s.isEmpty
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
