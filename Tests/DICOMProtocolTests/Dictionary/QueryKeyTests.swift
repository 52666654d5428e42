import Testing
@testable import DICOMProtocol

@Suite("PS3.4 C.2.2 query keys from the command line")
struct QueryKeyTests {
    @Test("tags parse from keywords and the usual numeric spellings")
    func parsing() {
        for text in ["PatientName", "(0010,0010)", "0010,0010", "00100010", "(0010,0010)"] {
            #expect(DICOMProtocol.Tag(parsing: text) == .patientName, "\(text)")
        }
        for text in ["patientname", "0010,001", "(0010,00100)", "XYZW,0010", ""] {
            #expect(DICOMProtocol.Tag(parsing: text) == nil, "\(text)")
        }
        #expect(Tag.studyInstanceUID.keywordOrNumber == "StudyInstanceUID")
        #expect(DICOMProtocol.Tag(0x0009, 0x1001).keywordOrNumber == "(0009,1001)")
    }

    @Test("KEY=VALUE sets a value, KEY alone a zero-length return key")
    func keys() throws {
        var ds = DataSet()
        try ds.setQueryKey("QueryRetrieveLevel=STUDY")
        try ds.setQueryKey("PatientName=DOE^J*")
        try ds.setQueryKey("StudyInstanceUID")
        try ds.setQueryKey("(0008,0061)")
        try ds.setQueryKey("Rows=512")
        try ds.setQueryKey("ReferencedSOPSequence")
        #expect(ds.string(.queryRetrieveLevel) == "STUDY")
        #expect(ds[.queryRetrieveLevel]?.bytes == Array("STUDY ".utf8))
        #expect(ds.string(.patientName) == "DOE^J*")
        #expect(ds[.studyInstanceUID]?.bytes == [] && ds[.studyInstanceUID]?.vr == .UI)
        #expect(ds[.modalitiesInStudy]?.bytes == [])
        #expect(ds.uint16(.rows) == 512)
        #expect(ds[.referencedSOPSequence]?.items == [])
    }

    @Test("unknown keys and unsuitable values are refused with the key named")
    func refusals() {
        var ds = DataSet()
        #expect(throws: ProtocolError(.invalidValue, field: "query key \"PatientNam\"", "not an attribute keyword or tag this dictionary knows")) {
            try ds.setQueryKey("PatientNam=X")
        }
        #expect(throws: ProtocolError.self) { try ds.setQueryKey("Rows=70000") }
        #expect(throws: ProtocolError.self) { try ds.setQueryKey("PatientName=Müller") }  // no character set yet
        #expect(throws: ProtocolError.self) { try ds.setQueryKey("ReferencedSOPSequence=x") }
    }
}
