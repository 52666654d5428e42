import Testing
@testable import DICOMProtocol

@Suite("PS3.5 6.2 typed values")
struct DataSetValuesTests {
    @Test("set-string pads to even length with space, UIDs with NUL")
    func padding() throws {
        var ds = DataSet()
        try ds.setString("CT1", for: .modality)
        ds.setUID("1.2.3", for: .studyInstanceUID)
        #expect(ds[.modality]?.bytes == Array("CT1 ".utf8))
        #expect(ds[.studyInstanceUID]?.bytes == Array("1.2.3".utf8) + [0])
        #expect(ds.string(.modality) == "CT1")
        #expect(ds.uid(.studyInstanceUID) == "1.2.3")
    }

    @Test("padding is trimmed per VR: leading spaces only where insignificant")
    func trimming() {
        var ds = DataSet()
        ds.insert(DataElement(tag: .patientID, vr: .LO, bytes: Array("  ID7 ".utf8)))
        ds.insert(DataElement(tag: .imageComments, vr: .LT, bytes: Array("  a\\b  ".utf8)))
        ds.insert(DataElement(tag: .seriesNumber, vr: .IS, bytes: Array(" 12 ".utf8)))
        #expect(ds.string(.patientID) == "ID7")
        #expect(ds.strings(.imageComments) == ["  a\\b"])  // LT: one value, leading spaces kept
        #expect(ds.int(.seriesNumber) == 12)
    }

    @Test("multiple values split at backslashes, each trimmed; empty values kept (PS3.5 6.4)")
    func multipleValues() {
        var ds = DataSet()
        ds.insert(DataElement(tag: .imageType, vr: .CS, bytes: Array(" ORIGINAL \\PRIMARY\\\\AXIAL ".utf8)))
        ds.insert(DataElement(tag: .sopInstanceUID, vr: .UI, bytes: Array("1.2.3".utf8) + [0]))
        ds.insert(DataElement(tag: Tag(0x0010, 0x1000), vr: .LO, bytes: Array(" A \\\0".utf8)))
        #expect(ds.strings(.imageType) == ["ORIGINAL", "PRIMARY", "", "AXIAL"])
        #expect(ds.strings(.sopInstanceUID) == ["1.2.3"])
        #expect(ds.strings(Tag(0x0010, 0x1000)) == ["A", ""])
    }

    @Test("non-ASCII values: Latin-1 bytes per ISO_IR 100 (and undeclared), UTF-8 per ISO_IR 192")
    func nonASCIIValues() throws {
        var latin1 = DataSet()
        try latin1.setString("ISO_IR 100", for: .specificCharacterSet)
        latin1.insert(DataElement(tag: .patientName, vr: .PN, bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x5C, 0xC9, 0x20]))
        #expect(latin1.strings(.patientName) == ["Müller", "É"])
        var undeclared = DataSet()
        undeclared.insert(DataElement(tag: .institutionName, vr: .LO, bytes: [0x20, 0xE9, 0x20, 0x20]))
        #expect(undeclared.string(.institutionName) == "é")
        var utf8 = DataSet()
        try utf8.setString("ISO_IR 192", for: .specificCharacterSet)
        utf8.insert(DataElement(tag: .patientName, vr: .PN, bytes: Array("Łukasz\\Ärzte ".utf8)))
        #expect(utf8.strings(.patientName) == ["Łukasz", "Ärzte"])
    }

    @Test("a zero-length value is present and empty (universal matching, PS3.4 C.2.2.2.3)")
    func emptyValue() throws {
        var ds = DataSet()
        try ds.setString("", for: .patientName)
        #expect(ds.string(.patientName) == "")
        #expect(ds.strings(.patientName) == [])
        #expect(ds.string(.patientID) == nil)
    }

    @Test("binary values: US, UL, AT, SS")
    func binary() {
        var ds = DataSet()
        ds.setUInt16(0xFF00, for: .status)
        ds.setUInt32(70000, for: .commandGroupLength)
        ds.setTags([.patientName, .pixelData], for: .offendingElement)
        ds.insert(DataElement(tag: Tag(0x0028, 0x0106), vr: .SS, bytes: [0xFE, 0xFF]))
        #expect(ds.uint16(.status) == 0xFF00)
        #expect(ds.uint32(.commandGroupLength) == 70000)
        #expect(ds.int(.commandGroupLength) == 70000)
        #expect(ds.tags(.offendingElement) == [.patientName, .pixelData])
        #expect(ds.int(Tag(0x0028, 0x0106)) == -2)
        #expect(ds[.offendingElement]?.bytes == [0x10, 0x00, 0x10, 0x00, 0xE0, 0x7F, 0x10, 0x00])
    }

    @Test("elements stay in tag order; inserting a tag again replaces it")
    func ordering() throws {
        var ds = DataSet()
        ds.setUInt16(1, for: .rows)
        try ds.setString("A", for: .patientName)
        ds.setUID("1", for: .sopClassUID)
        ds.setUInt16(2, for: .rows)
        #expect(ds.elements.map(\.tag) == [.sopClassUID, .patientName, .rows])
        #expect(ds.uint16(.rows) == 2)
        #expect(ds.remove(.patientName) != nil && ds.count == 2)
        ds[.rows] = nil
        #expect(!ds.contains(.rows))
    }

    @Test("a tag outside the dictionary needs an explicit VR")
    func unknownTagNeedsVR() throws {
        var ds = DataSet()
        #expect(throws: ProtocolError.self) { try ds.setString("x", for: Tag(0x0011, 0x1010)) }
        try ds.setString("x", for: Tag(0x0011, 0x1010), vr: .LO)
        #expect(ds.string(Tag(0x0011, 0x1010)) == "x")
    }
}
