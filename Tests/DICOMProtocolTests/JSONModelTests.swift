import Testing
@testable import DICOMProtocol

@Suite("PS3.18 F.2 DICOM JSON Model")
struct JSONModelTests {
    func json(_ elements: [DataElement]) -> String {
        DICOMJSONEncoder.encode(DataSet(elements)).serialized(indent: nil)
    }

    @Test("PS3.18 F.2.2 PN: component groups as Alphabetic, Ideographic, Phonetic; empty value null")
    func personName() throws {
        var ds = DataSet()
        try ds.setString("ISO_IR 192", for: .specificCharacterSet)
        try ds.setString("Yamada^Tarou=山田^太郎=やまだ^たろう\\\\Doe", for: .otherPatientNames)
        let text = DICOMJSONEncoder.encode(ds).serialized(indent: nil)
        #expect(text == #"{"00080005":{"vr":"CS","Value":["ISO_IR 192"]},"00101001":{"vr":"PN","Value":[{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"},null,{"Alphabetic":"Doe"}]}}"#)
    }

    @Test("PS3.18 F.2.3 DS and IS are numbers with the file's digits; binary numbers too")
    func numbers() {
        let text = json([
            DataElement(tag: .windowCenter, vr: .DS, bytes: Array("1.0\\+1e3\\-0.5 ".utf8)),
            DataElement(tag: .instanceNumber, vr: .IS, bytes: Array(" 7".utf8)),
            DataElement(tag: .rows, vr: .US, bytes: [0x00, 0x02]),
            DataElement(tag: Tag(0x0018, 0x9219), vr: .SS, bytes: [0xFB, 0xFF]),
            DataElement(tag: Tag(0x0018, 0x9089), vr: .FD, bytes: DumpTests.double(0.1)),
        ])
        #expect(text == #"{"00189089":{"vr":"FD","Value":[0.1]},"00189219":{"vr":"SS","Value":[-5]},"00200013":{"vr":"IS","Value":[7]},"00280010":{"vr":"US","Value":[512]},"00281050":{"vr":"DS","Value":[1.0,1000,-0.5]}}"#)
    }

    @Test("PS3.18 F.2.3 a DS that is no number stays a string, so the document stays valid JSON")
    func badNumber() {
        let text = json([DataElement(tag: .sliceThickness, vr: .DS, bytes: Array("abc ".utf8))])
        #expect(text == #"{"00180050":{"vr":"DS","Value":["abc"]}}"#)
    }

    @Test("PS3.18 F.2.5 an empty value has no Value; AT as hex strings; strings escaped")
    func emptyAndTags() {
        let text = json([
            DataElement(tag: .patientID, vr: .LO, bytes: []),
            DataElement(tag: Tag(0x0020, 0x9165), vr: .AT, bytes: [0x10, 0, 0x20, 0, 0x08, 0, 0x18, 0]),
            DataElement(tag: .imageComments, vr: .LT, bytes: Array("a \"b\"\\c\r\n".utf8)),
        ])
        #expect(text == #"{"00100020":{"vr":"LO"},"00204000":{"vr":"LT","Value":["a \"b\"\\c\r\n"]},"00209165":{"vr":"AT","Value":["00100020","00080018"]}}"#)
    }

    @Test("PS3.18 F.2.6 sequences: items as objects, an empty sequence without Value")
    func sequences() throws {
        var item = DataSet()
        try item.setString("CODE1", for: .codeValue)
        let text = json([
            DataElement(sequence: .procedureCodeSequence, items: [DataSet(), item]),
            DataElement(sequence: .referencedStudySequence, items: []),
        ])
        #expect(text == #"{"00081032":{"vr":"SQ","Value":[{},{"00080100":{"vr":"SH","Value":["CODE1"]}}]},"00081110":{"vr":"SQ"}}"#)
    }

    @Test("PS3.18 F.2.7 small binary values are InlineBinary base64; bulk data is a length")
    func binary() {
        let text = json([
            DataElement(tag: Tag(0x0009, 0x1002), vr: .UN, bytes: [1, 2, 3, 0]),
            DataElement(tag: Tag(0x0009, 0x1003), vr: .OB, bytes: [UInt8](repeating: 0, count: 1025)),
            DataElement(tag: .pixelData, vr: .OB, value: .fragments([[], [1, 2, 3, 4], [5, 6]])),
        ])
        #expect(text == #"{"00091002":{"vr":"UN","InlineBinary":"AQIDAA=="},"00091003":{"vr":"OB","BulkDataLength":1025},"7FE00010":{"vr":"OB","BulkDataLength":6}}"#)
    }

    @Test("PS3.18 F.2 Latin-1 text is transcoded; Specific Character Set then says ISO_IR 192")
    func latin1() {
        var item = DataSet()
        item.insert(DataElement(tag: .codeMeaning, vr: .LO, bytes: [0x47, 0x72, 0xFC, 0x6E]))
        let text = json([
            DataElement(tag: .specificCharacterSet, vr: .CS, bytes: Array("ISO_IR 100".utf8)),
            DataElement(tag: .patientName, vr: .PN, bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]),
            DataElement(sequence: .procedureCodeSequence, items: [item]),
        ])
        #expect(text == #"{"00080005":{"vr":"CS","Value":["ISO_IR 192"]},"00081032":{"vr":"SQ","Value":[{"00080104":{"vr":"LO","Value":["Grün"]}}]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Müller"}]}}"#)
    }

    @Test("RFC 8259 number grammar", arguments: [
        ("0", true), ("-1.5e+3", true), ("1.0", true), ("+1", false), ("01", false), (".5", false), ("1.", false), ("1e", false), ("", false),
    ])
    func numberGrammar(text: String, valid: Bool) {
        #expect(DICOMJSONEncoder.isJSONNumber(text) == valid)
    }

    @Test("RFC 4648 base64 with padding")
    func base64() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    @Test("JSON pretty printing indents members, empty containers stay on one line")
    func pretty() {
        let value = JSONValue.array([.object([("a", .array([])), ("b", .object([]))])])
        #expect(value.serialized() == "[\n  {\n    \"a\": [],\n    \"b\": {}\n  }\n]")
    }
}
