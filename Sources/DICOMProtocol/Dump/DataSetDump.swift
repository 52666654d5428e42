/// A data set as text in the layout of DCMTK's `dcmdump` (see `DumpLine`), so that people
/// and scripts used to dcmdump read PACSLink's `dump` at a glance:
///
/// - text values in brackets, decoded in the Specific Character Set in force and printed as
///   UTF-8 (dcmdump prints the file's bytes; lengths are the file's either way), numbers and
///   AT tags unbracketed, OB/UN as hex bytes and OW as hex words, long values shortened with
///   "..." as dcmdump does by default;
/// - sequences and items indented with their delimitation lines (`for re-encoding` marks the
///   ones a defined-length encoding does not contain), encapsulated pixel data as a
///   PixelSequence of fragments;
/// - UIDs as numbers (like `dcmdump -Un`), names from PACSLink's dictionary (keywords);
/// - bulk data (`BulkData`: pixel data, binary values over 1 KiB) as `(bulk data, N bytes)`
///   instead of its bytes.
public struct DataSetDump {
    /// How the data set was encoded, for the length column.
    public var encoding: DataSetEncoding

    public init(encoding: DataSetEncoding) { self.encoding = encoding }

    /// The lines of `dataSet` (nested `level` deep; 0 at the top).
    public func lines(_ dataSet: DataSet, level: Int = 0) -> [String] {
        var out: [String] = []
        append(dataSet, level: level, inherited: .isoIR6, to: &out)
        return out
    }

    private func append(_ dataSet: DataSet, level: Int, inherited: SpecificCharacterSet, to out: inout [String]) {
        let characterSet = ElementValues.characterSet(of: dataSet, inherited: inherited)
        for element in dataSet.elements {
            append(element, level: level, characterSet: characterSet, to: &out)
        }
    }

    private func append(_ element: DataElement, level: Int, characterSet: SpecificCharacterSet, to out: inout [String]) {
        let name = Self.name(element.tag)
        let length = element.hasUndefinedLength ? nil : EncodedLength.value(element, encoding)
        switch element.value {
        case .sequence(let items):
            let kind = element.hasUndefinedLength ? "undefined" : "explicit"
            out.append(line(level, element.tag, element.vr.description,
                            "(Sequence with \(kind) length #=\(items.count))", length, 1, name))
            for item in items {
                appendItem(item, level: level + 1, characterSet: characterSet, to: &out)
            }
            out.append(delimiter(.sequenceDelimitationItem, level, forReencoding: !element.hasUndefinedLength))
        case .fragments(let fragments):
            out.append(line(level, element.tag, element.vr.description, "(PixelSequence #=\(fragments.count))", nil, 1, name))
            for fragment in fragments {
                let (value, multiplicity) = fragment.isEmpty ? (DumpValue.noValue, 0) : (Self.bulk(fragment.count), 1)
                out.append(line(level + 1, .item, "pi", value, fragment.count, multiplicity, "Item"))
            }
            out.append(delimiter(.sequenceDelimitationItem, level, forReencoding: false))
        case .bytes(let bytes):
            let (value, multiplicity) = BulkData.isBulk(element)
                ? (Self.bulk(bytes.count), 1)
                : DumpValue.render(bytes, vr: element.vr, characterSet: characterSet)
            out.append(line(level, element.tag, element.vr.description, value, length, multiplicity, name))
        }
    }

    private func appendItem(_ item: SequenceItem, level: Int, characterSet: SpecificCharacterSet, to out: inout [String]) {
        let kind = item.hasUndefinedLength ? "undefined" : "explicit"
        let length = item.hasUndefinedLength ? nil : EncodedLength.content(item.dataSet, encoding)
        out.append(line(level, .item, "na", "(Item with \(kind) length #=\(item.dataSet.count))", length, 1, "Item"))
        append(item.dataSet, level: level + 1, inherited: characterSet, to: &out)
        out.append(delimiter(.itemDelimitationItem, level, forReencoding: !item.hasUndefinedLength))
    }

    /// Item and sequence delimitation lines; dcmdump prints them for defined lengths too,
    /// marked as not in the file ("for re-encoding").
    private func delimiter(_ tag: Tag, _ level: Int, forReencoding: Bool) -> String {
        let name = tag == .itemDelimitationItem ? "ItemDelimitationItem" : "SequenceDelimitationItem"
        let note = forReencoding ? (tag == .itemDelimitationItem ? " for re-encoding" : " for re-encod.") : ""
        return line(level, tag, "na", "(\(name)\(note))", 0, 0, name)
    }

    private func line(
        _ level: Int, _ tag: Tag, _ vr: String, _ value: String, _ length: Int?, _ multiplicity: Int, _ name: String
    ) -> String {
        DumpLine(level: level, tag: tag, vr: vr, value: value, length: length, multiplicity: multiplicity, name: name).text
    }

    private static func bulk(_ count: Int) -> String { "(bulk data, \(count) bytes)" }

    /// The keyword from the dictionary; dcmdump's words for what it does not know.
    static func name(_ tag: Tag) -> String {
        if let entry = DataDictionary.entry(for: tag) { return entry.keyword }
        if tag.isPrivate && (0x0010...0x00FF).contains(tag.element) { return "PrivateCreator" }
        return "Unknown Tag & Data"
    }
}
