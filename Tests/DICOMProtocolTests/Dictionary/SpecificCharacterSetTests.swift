import Testing
@testable import DICOMProtocol

@Suite("PS3.5 6.1 character sets ISO_IR 6, 100, 192")
struct SpecificCharacterSetTests {
    @Test("defined terms of (0008,0005)")
    func terms() {
        #expect(SpecificCharacterSet(definedTerms: []) == .isoIR6)
        #expect(SpecificCharacterSet(definedTerms: [""]) == .isoIR6)
        #expect(SpecificCharacterSet(definedTerms: ["ISO_IR 100"]) == .isoIR100)
        #expect(SpecificCharacterSet(definedTerms: ["ISO_IR 192 "]) == .isoIR192)
        #expect(SpecificCharacterSet(definedTerms: ["ISO 2022 IR 100"]) == .isoIR100)
        #expect(SpecificCharacterSet(definedTerms: ["ISO_IR 144"]) == .unsupported("ISO_IR 144"))
    }

    @Test("the same name in each repertoire", arguments: [
        (SpecificCharacterSet.isoIR100, [UInt8]([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])),
        (.isoIR192, [0x4D, 0xC3, 0xBC, 0x6C, 0x6C, 0x65, 0x72]),
    ])
    func repertoires(set: SpecificCharacterSet, bytes: [UInt8]) {
        #expect(set.encode("Müller") == bytes)
        #expect(set.decode(bytes) == "Müller")
    }

    @Test("ISO_IR 6 refuses non-ASCII on encoding; query keys need the character set first")
    func defaultRepertoire() throws {
        #expect(SpecificCharacterSet.isoIR6.encode("Müller") == nil)
        #expect(SpecificCharacterSet.isoIR100.encode("Łukasz") == nil)
        var keys = DataSet()
        #expect(throws: ProtocolError.self) { try keys.setString("Müller*", for: .patientName) }
        try keys.setString(SpecificCharacterSet.isoIR192.definedTerm, for: .specificCharacterSet)
        try keys.setString("Łukas*", for: .patientName)
        #expect(keys[.patientName]?.bytes == Array("Łukas*".utf8) + [0x20])
        #expect(keys.string(.patientName) == "Łukas*")
    }

    @Test("default repertoire values stay ASCII even in a UTF-8 data set")
    func asciiVRs() throws {
        var ds = DataSet()
        try ds.setString("ISO_IR 192", for: .specificCharacterSet)
        #expect(throws: ProtocolError.self) { try ds.setString("É", for: .modality) }
    }
}
