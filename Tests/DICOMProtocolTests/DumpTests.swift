import Foundation
import Testing
@testable import DICOMProtocol

/// Golden lines in the layout of DCMTK 3.6.7's dcmdump (copied from its output on the same
/// values; names are PACSLink's dictionary keywords).
@Suite("dcmdump-style data set dump")
struct DumpTests {
    func lines(_ elements: [DataElement], _ encoding: DataSetEncoding = .explicitVRLittleEndian) -> [String] {
        DataSetDump(encoding: encoding).lines(DataSet(elements))
    }

    @Test("Dump: text in brackets padded to 40 columns, # length, VM and keyword")
    func textLine() throws {
        var ds = DataSet()
        try ds.setString("ISO_IR 192", for: .specificCharacterSet)
        try ds.setString("Müller^Hans=ミュラー^ハンス", for: .patientName)
        try ds.setStrings(["40", "400"], for: .windowCenter)
        #expect(DataSetDump(encoding: .explicitVRLittleEndian).lines(ds) == [
            "(0008,0005) CS [ISO_IR 192]                             #  10, 1 SpecificCharacterSet",
            "(0010,0010) PN [Müller^Hans=ミュラー^ハンス]    #  36, 1 PatientName",
            "(0028,1050) DS [40\\400]                                 #   6, 2 WindowCenter",
        ])
    }

    @Test("Dump: ISO_IR 100 text is decoded as Latin-1 and printed as UTF-8")
    func latin1() {
        let lines = lines([
            DataElement(tag: .specificCharacterSet, vr: .CS, bytes: Array("ISO_IR 100".utf8)),
            DataElement(tag: .patientName, vr: .PN, bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]),
        ])
        // Padded by UTF-8 bytes, as `dcmdump +U8` pads the converted text.
        #expect(lines[1] == "(0010,0010) PN [Müller]                                #   6, 1 PatientName")
    }

    @Test("Dump: long values are shortened with ... as dcmdump does")
    func shortening() {
        let long = String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 3)
        let lines = lines([
            DataElement(tag: .studyDescription, vr: .LO, bytes: Array(long.utf8)),
            DataElement(tag: Tag(0x0018, 0x1310), vr: .US, bytes: (1...23).flatMap { [UInt8($0), 0] }),
            DataElement(tag: Tag(0x0019, 0x1010), vr: .OB, bytes: (1...32).map { UInt8($0) }),
            DataElement(tag: Tag(0x0019, 0x1011), vr: .OW, bytes: [0x78, 0x3c, 0x00, 0x2c] + [UInt8](repeating: 0x11, count: 60)),
        ])
        #expect(lines == [
            "(0008,1030) LO [abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmn... #  78, 1 StudyDescription",
            "(0018,1310) US 1\\2\\3\\4\\5\\6\\7\\8\\9\\10\\11\\12\\13\\14\\15\\16\\17\\18\\19\\20\\21\\22\\23 #  46,23 Unknown Tag & Data",
            "(0019,1010) OB 01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10\\11\\12\\13\\14\\15\\16... #  32, 1 Unknown Tag & Data",
            "(0019,1011) OW 3c78\\2c00\\1111\\1111\\1111\\1111\\1111\\1111\\1111\\1111\\1111\\1111\\1111... #  64, 1 Unknown Tag & Data",
        ])
    }

    @Test("Dump: numbers, tags and empty values")
    func binaryValues() {
        let lines = lines([
            DataElement(tag: .rows, vr: .US, bytes: [2, 0]),
            DataElement(tag: Tag(0x0018, 0x9219), vr: .SS, bytes: [0xFB, 0xFF]),
            DataElement(tag: Tag(0x0018, 0x9089), vr: .FD, bytes: Self.double(0.5) + Self.double(1.5)),
            DataElement(tag: Tag(0x0018, 0x9004), vr: .FL, bytes: [0, 0, 0xC0, 0xBF]),
            DataElement(tag: Tag(0x0020, 0x9165), vr: .AT, bytes: [0x10, 0, 0x20, 0, 0x08, 0, 0x18, 0]),
            DataElement(tag: Tag(0x0028, 0x9001), vr: .UL, bytes: [0xFF, 0xFF, 0xFF, 0xFF]),
            DataElement(tag: .bodyPartExamined, vr: .CS, bytes: []),
        ])
        #expect(lines == [
            "(0018,0015) CS (no value available)                     #   0, 0 BodyPartExamined",
            "(0018,9004) FL -1.5                                     #   4, 1 Unknown Tag & Data",
            "(0018,9089) FD 0.5\\1.5                                  #  16, 2 Unknown Tag & Data",
            "(0018,9219) SS -5                                       #   2, 1 Unknown Tag & Data",
            "(0020,9165) AT (0010,0020)\\(0008,0018)                  #   8, 2 Unknown Tag & Data",
            "(0028,0010) US 2                                        #   2, 1 Rows",
            "(0028,9001) UL 4294967295                               #   4, 1 Unknown Tag & Data",
        ])
    }

    @Test("Dump: sequences and items of explicit length, with the re-encoding delimiters")
    func explicitSequence() {
        var item = DataSet()
        item.setUID("1.2.840.10008.5.1.4.1.1.2", for: .referencedSOPClassUID)
        item.setUID("1.2.3.4.6", for: .referencedSOPInstanceUID)
        let lines = lines([DataElement(sequence: .referencedImageSequence, items: [item])])
        #expect(lines == [
            "(0008,1140) SQ (Sequence with explicit length #=1)      #  60, 1 ReferencedImageSequence",
            "  (fffe,e000) na (Item with explicit length #=2)          #  52, 1 Item",
            "    (0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]              #  26, 1 ReferencedSOPClassUID",
            "    (0008,1155) UI [1.2.3.4.6]                              #  10, 1 ReferencedSOPInstanceUID",
            "  (fffe,e00d) na (ItemDelimitationItem for re-encoding)   #   0, 0 ItemDelimitationItem",
            "(fffe,e0dd) na (SequenceDelimitationItem for re-encod.) #   0, 0 SequenceDelimitationItem",
        ])
    }

    @Test("Dump: undefined lengths print u/l; an empty item and an empty sequence")
    func undefinedSequence() throws {
        var code = DataSet()
        try code.setString("CODE1", for: .codeValue)
        let lines = lines([
            DataElement(sequence: .procedureCodeSequence, items: [DataSet(), code], undefinedLength: true),
            DataElement(sequence: .referencedStudySequence, items: [], undefinedLength: true),
        ])
        #expect(lines == [
            "(0008,1032) SQ (Sequence with undefined length #=2)     # u/l, 1 ProcedureCodeSequence",
            "  (fffe,e000) na (Item with undefined length #=0)         # u/l, 1 Item",
            "  (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem",
            "  (fffe,e000) na (Item with undefined length #=1)         # u/l, 1 Item",
            "    (0008,0100) SH [CODE1]                                  #   6, 1 CodeValue",
            "  (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem",
            "(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem",
            "(0008,1110) SQ (Sequence with undefined length #=0)     # u/l, 1 ReferencedStudySequence",
            "(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem",
        ])
    }

    @Test("Dump: pixel data and large binary values are summarised as bulk data")
    func bulk() {
        let lines = lines([
            DataElement(tag: Tag(0x0009, 0x1001), vr: .OB, bytes: [UInt8](repeating: 7, count: 2000)),
            DataElement(tag: .pixelData, vr: .OB, value: .fragments([[], [0xFF, 0xD8, 0xFF, 0xD9]])),
        ])
        #expect(lines == [
            "(0009,1001) OB (bulk data, 2000 bytes)                  # 2000, 1 Unknown Tag & Data",
            "(7fe0,0010) OB (PixelSequence #=2)                      # u/l, 1 PixelData",
            "  (fffe,e000) pi (no value available)                     #   0, 0 Item",
            "  (fffe,e000) pi (bulk data, 4 bytes)                     #   4, 1 Item",
            "(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem",
        ])
    }

    @Test("Dump: a Part 10 file lists its meta group first, each under its transfer syntax")
    func part10() throws {
        let meta = try FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.3", mediaStorageSOPInstanceUID: "1.2.3.4", transferSyntaxUID: TransferSyntax.implicitVRLittleEndian.uid)
        let header = Part10Header(fileMetaInformation: meta, transferSyntax: .implicitVRLittleEndian, dataSetOffset: 0)
        var ds = DataSet()
        ds.setUInt16(2, for: .rows)
        let lines = Part10Dump.lines(header: header, dataSet: ds)
        #expect(Array(lines.prefix(5)) == ["", "# Dicom-File-Format", "", "# Dicom-Meta-Information-Header",
                                           "# Used TransferSyntax: Explicit VR Little Endian"])
        #expect(lines[5].hasPrefix("(0002,0000) UL "))
        #expect(Array(lines.suffix(3)) == [
            "# Dicom-Data-Set", "# Used TransferSyntax: Implicit VR Little Endian",
            "(0028,0010) US 2                                        #   2, 1 Rows",
        ])
    }

    static func double(_ value: Double) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) }
    }
}

@Suite("Dump and JSON never trap")
struct DumpRobustnessTests {
    @Test("Random values of every VR (and unknown VRs) render as dump lines and valid JSON without trapping")
    func randomValues() {
        var generator = SystemRandomNumberGenerator()
        let vrs = VR.all + [VR("XY")!, VR("ZZ")!]
        for round in 0..<1_000 {
            var ds = DataSet()
            if round % 3 == 0 {
                ds.insert(DataElement(tag: .specificCharacterSet, vr: .CS, bytes: Array((round % 2 == 0 ? "ISO_IR 100" : "ISO_IR 192").utf8)))
            }
            for _ in 0..<4 {
                let vr = vrs.randomElement(using: &generator)!
                guard vr != .SQ else { continue }
                let count = Int.random(in: 0..<40, using: &generator)
                let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let tag = Tag(UInt16.random(in: 0x0008...0x0030, using: &generator), UInt16.random(in: 0...0xFFFF, using: &generator))
                ds.insert(DataElement(tag: tag, vr: vr, bytes: bytes))
            }
            let lines = DataSetDump(encoding: .explicitVRLittleEndian).lines(ds)
            #expect(lines.count == ds.count)
            let json = DICOMJSONEncoder.encode(ds).serialized(indent: nil)
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "invalid JSON: \(json)")
        }
    }
}
