import Testing
@testable import DICOMProtocol

@Suite("PS3.5 data set encoding")
struct DataSetCodecTests {
    static let encodings: [DataSetEncoding] = [.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian]

    /// A data set exercising every value shape: text, binary words, nested sequences of both
    /// length styles with items of both styles, an empty sequence, and encapsulated fragments.
    static func sample(undefinedLengths: Bool) throws -> DataSet {
        var inner = DataSet()
        try inner.setString("CT", for: .modality)
        inner.setUID("1.2.3.4", for: .referencedSOPInstanceUID)
        var middle = DataSet()
        try middle.setString("Ref", for: .codeMeaning)
        middle.insert(DataElement(sequence: .referencedImageSequence, items: [inner, inner], undefinedLength: !undefinedLengths))
        var ds = DataSet()
        try ds.setString("ISO_IR 192", for: .specificCharacterSet)
        try ds.setString("Müller^Jürgen", for: .patientName)
        try ds.setStrings(["CT", "MR"], for: .modalitiesInStudy)
        ds.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
        ds.setUInt16(512, for: .rows)
        ds.setUInt32(0x0102_0304, for: Tag(0x0009, 0x1001), vr: .UL)
        ds.insert(DataElement(tag: .windowCenter, vr: .DS, bytes: Array("40\\400".utf8)))
        ds.insert(DataElement(sequence: .referencedSeriesSequence, items: [middle], undefinedLength: undefinedLengths))
        ds.insert(DataElement(sequence: .procedureCodeSequence, items: [], undefinedLength: undefinedLengths))
        return ds
    }

    @Test("PS3.5 7.1/7.5 decode(encode(x)) == x in each encoding, both sequence length styles", arguments: encodings, [false, true])
    func roundTrip(encoding: DataSetEncoding, undefined: Bool) throws {
        var ds = try Self.sample(undefinedLengths: undefined)
        if encoding.explicitVR {
            ds.insert(DataElement(tag: .pixelData, vr: .OB, value: .fragments([[], [1, 2, 3, 4], [5, 6]])))
        } else {
            ds.insert(DataElement(tag: .pixelData, vr: .OW, bytes: [1, 2, 3, 4]))
        }
        let bytes = try DataSetEncoder(encoding: encoding).encode(ds)
        #expect(bytes.count % 2 == 0)
        let decoded = try DataSetDecoder(encoding: encoding).decode(bytes)
        // Implicit VR cannot carry the VR of a private tag: it comes back as UN.
        if !encoding.explicitVR {
            ds.insert(DataElement(tag: Tag(0x0009, 0x1001), vr: .UN, bytes: [4, 3, 2, 1]))
        }
        #expect(decoded == ds)
        #expect(decoded.string(.patientName) == "Müller^Jürgen")
        #expect(decoded.uint16(.rows) == 512)
    }

    @Test("PS3.5 7.1.2 Explicit VR Little Endian element bytes, short and long length forms")
    func explicitLayout() throws {
        var ds = DataSet()
        ds.setUInt16(0x0200, for: .rows)
        ds.insert(DataElement(tag: .pixelData, vr: .OW, bytes: [0xAA, 0xBB]))
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds)
        #expect(bytes == [
            0x28, 0x00, 0x10, 0x00, 0x55, 0x53, 0x02, 0x00, 0x00, 0x02,  // (0028,0010) US 2 512
            0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x57, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0xAA, 0xBB,  // OW, reserved, 4-byte length
        ])
        let big = try DataSetEncoder(encoding: .explicitVRBigEndian).encode(ds)
        #expect(big == [
            0x00, 0x28, 0x00, 0x10, 0x55, 0x53, 0x00, 0x02, 0x02, 0x00,
            0x7F, 0xE0, 0x00, 0x10, 0x4F, 0x57, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xBB, 0xAA,  // OW words swapped
        ])
    }

    @Test("PS3.5 7.5 Table 7.5-3: undefined-length sequence and item with delimiters")
    func undefinedLengthLayout() throws {
        let bytes: [UInt8] = [
            0x08, 0x00, 0x15, 0x11, 0xFF, 0xFF, 0xFF, 0xFF,  // (0008,1115) length undefined
            0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,  // Item, length undefined
            0x08, 0x00, 0x60, 0x00, 0x02, 0x00, 0x00, 0x00, 0x43, 0x54,  // (0008,0060) "CT"
            0xFE, 0xFF, 0x0D, 0xE0, 0x00, 0x00, 0x00, 0x00,  // Item Delimitation Item
            0xFE, 0xFF, 0xDD, 0xE0, 0x00, 0x00, 0x00, 0x00,  // Sequence Delimitation Item
        ]
        let ds = try DataSetDecoder(encoding: .implicitVRLittleEndian).decode(bytes)
        let items = try #require(ds[.referencedSeriesSequence]?.items)
        #expect(items.count == 1 && items[0].hasUndefinedLength)
        #expect(items[0].dataSet.string(.modality) == "CT")
        #expect(try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(ds) == bytes)
    }

    @Test("PS3.5 6.2.2 UN of undefined length holds an Implicit VR Little Endian sequence")
    func unknownUndefinedLength() throws {
        let bytes: [UInt8] = [
            0x09, 0x00, 0x10, 0x10, 0x55, 0x4E, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,  // (0009,1010) UN undefined
            0xFE, 0xFF, 0x00, 0xE0, 0x0A, 0x00, 0x00, 0x00,  // Item, length 10
            0x08, 0x00, 0x60, 0x00, 0x02, 0x00, 0x00, 0x00, 0x4D, 0x52,  // implicit (0008,0060) "MR"
            0xFE, 0xFF, 0xDD, 0xE0, 0x00, 0x00, 0x00, 0x00,
        ]
        let ds = try DataSetDecoder(encoding: .explicitVRLittleEndian).decode(bytes)
        #expect(ds[Tag(0x0009, 0x1010)]?.items?.first?.dataSet.string(.modality) == "MR")
        #expect(try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds) == bytes)
    }

    @Test("errors name the element and the offset")
    func errorsNameTagAndOffset() {
        let bytes: [UInt8] = [0x10, 0x00, 0x10, 0x00, 0x50, 0x4E, 0x10, 0x00, 0x41, 0x42]  // PN of 16 bytes, 2 present
        #expect(throws: ProtocolError(.truncated, field: "(0010,0010) PN", offset: 0, "value length 16 exceeds the 2 bytes left")) {
            try DataSetDecoder(encoding: .explicitVRLittleEndian).decode(bytes)
        }
    }

    @Test("nesting deeper than the limit is refused")
    func depthLimit() throws {
        var ds = DataSet()
        for _ in 0..<5 { ds = DataSet([DataElement(sequence: .referencedImageSequence, items: [ds])]) }
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds)
        #expect(throws: ProtocolError.self) { try DataSetDecoder(encoding: .explicitVRLittleEndian, maximumDepth: 4).decode(bytes) }
        #expect(try DataSetDecoder(encoding: .explicitVRLittleEndian, maximumDepth: 5).decode(bytes) == ds)
    }

    @Test("PS3.5 7.3 big endian swaps each number by its VR's size and leaves text and OB alone")
    func bigEndianWords() throws {
        var ds = DataSet()
        ds.insert(DataElement(tag: Tag(0x0018, 0x9087), vr: .FD, bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        ds.setTags([.pixelData], for: .offendingElement)
        ds.insert(DataElement(tag: .fileMetaInformationVersion, vr: .OB, bytes: [0, 1]))
        let bytes = try DataSetEncoder(encoding: .explicitVRBigEndian).encode(ds)
        #expect(bytes == [
            0x00, 0x00, 0x09, 0x01, 0x41, 0x54, 0x00, 0x04, 0x7F, 0xE0, 0x00, 0x10,  // AT: two 16-bit words
            0x00, 0x02, 0x00, 0x01, 0x4F, 0x42, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01,  // OB as is
            0x00, 0x18, 0x90, 0x87, 0x46, 0x44, 0x00, 0x08, 8, 7, 6, 5, 4, 3, 2, 1,  // FD reversed
        ])
        #expect(try DataSetDecoder(encoding: .explicitVRBigEndian).decode(bytes) == ds)
    }

    @Test("PS3.5 7.1.2 values too long for a 16-bit length are refused, not truncated")
    func shortLengthOverflow() throws {
        var ds = DataSet()
        ds.insert(DataElement(tag: .imageComments, vr: .LT, bytes: Array(repeating: 0x41, count: 70_000)))
        #expect(throws: ProtocolError.self) { try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds) }
        let implicit = try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(ds)
        #expect(implicit.count == 8 + 70_000)
    }

    @Test("PS3.5 7.1 odd-length values are padded on encoding")
    func oddLengthPadded() throws {
        let ds = DataSet([DataElement(tag: .patientID, vr: .LO, bytes: Array("ABC".utf8))])
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds)
        #expect(bytes == [0x10, 0x00, 0x20, 0x00, 0x4C, 0x4F, 0x04, 0x00, 0x41, 0x42, 0x43, 0x20])
    }
}
