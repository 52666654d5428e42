import DICOMProtocol
import Foundation
import PACSLink
import Testing
import TestSupport

/// PS3.10 files both ways with DCMTK: what PACSLink writes, dcmdump reads with the same
/// elements; what dump2dcm and img2dcm write, PACSLink reads with the same elements (compared
/// line by line with `dcmdump -Un +U8`: tag, VR, value, length, VM and nesting).
@Suite("PS3.10 Part 10 interop with DCMTK")
struct Part10InteropTests {
    /// A dump2dcm input: several VRs, a sequence nested in a sequence, private elements, and
    /// text in the character set `charset` names.
    static func dumpText(charset: String, patientName: String, description: String, privateElements: Bool = true) -> String {
        var lines = [
            "(0008,0005) CS [\(charset)]",
            "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
            "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.99.1]",
            "(0008,0020) DA [20240131]",
            "(0008,0030) TM [101500.123]",
            "(0008,0060) CS [OT]",
            "(0008,1030) LO [\(description)]",
            "(0008,1115) SQ (Sequence with explicit length #=1)",
            "  (fffe,e000) na (Item with explicit length #=2)",
            "    (0008,1140) SQ (Sequence with explicit length #=2)",
            "      (fffe,e000) na (Item with explicit length #=2)",
            "        (0008,1150) UI [1.2.840.10008.5.1.4.1.1.7]",
            "        (0008,1155) UI [1.2.826.0.1.3680043.2.1125.99.2]",
            "      (fffe,e00d) na (ItemDelimitationItem)",
            "      (fffe,e000) na (Item with explicit length #=0)",
            "      (fffe,e00d) na (ItemDelimitationItem)",
            "    (fffe,e0dd) na (SequenceDelimitationItem)",
            "    (0020,000e) UI [1.2.826.0.1.3680043.2.1125.99.3]",
            "  (fffe,e00d) na (ItemDelimitationItem)",
            "(fffe,e0dd) na (SequenceDelimitationItem)",
            "(0010,0010) PN [\(patientName)]",
            "(0010,0020) LO [ID-42]",
            "(0010,1010) AS [054Y]",
            "(0018,0050) DS [1.25]",
            "(0020,0013) IS [7]",
            "(0020,0032) DS [-120.5\\0\\33.25]",
            "(0028,0010) US 2",
            "(0028,0011) US 2",
            "(0028,0100) US 16",
            "(0028,1050) DS [40\\400]",
            "(7fe0,0010) OW 0001\\0002\\0003\\0004",
        ]
        if privateElements {
            lines += [
                "(0009,0010) LO [PACSLINK TEST]",
                "(0009,1001) LO [private text]",
                "(0009,1002) OB 01\\02\\03\\04",
                "(0018,1310) US 0\\256\\256\\0",
                "(0018,9089) FD 0.5\\-1.5\\2",
                "(0018,9219) SS -5",
                "(0020,9165) AT (0010,0020)\\(0008,0018)",
                "(0028,9001) UL 4294967295",
                "(0040,a160) UT [free text]",
                "(0040,a30a) DS [+1e3]",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dump2dcm inputs and output options the tests make files from, by name.
    static let dump2dcmCases: [(name: String, options: [String])] = [
        ("latin1", []), ("latin1-undefined-lengths", ["-e"]), ("latin1-big-endian", ["+tb"]),
        ("utf8", []), ("implicit", ["+ti"]), ("implicit-undefined-lengths", ["+ti", "-e"]),
    ]

    /// Writes the dump2dcm case `name` into `dir` and returns the file's path.
    static func dump2dcmFile(_ name: String, options: [String], in dir: TemporaryDirectory) throws -> String {
        let text: Data
        switch name {
        case let n where n.hasPrefix("latin1"):
            // ISO_IR 100: the dump file holds Latin-1 bytes, which dump2dcm copies as they are.
            text = try #require(dumpText(charset: "ISO_IR 100", patientName: "Müller^Jürgen", description: "Étude contrôle")
                .data(using: .isoLatin1))
        case "utf8":
            text = Data(dumpText(charset: "ISO_IR 192", patientName: "Yamada^Tarou=山田^太郎=やまだ^たろう", description: "Übersicht").utf8)
        default:
            // Implicit VR: only attributes whose VR PACSLink's dictionary knows.
            text = Data(dumpText(charset: "ISO_IR 6", patientName: "Doe^John", description: "Implicit", privateElements: false).utf8)
        }
        let input = dir.url.appendingPathComponent("\(name).dump")
        try text.write(to: input)
        let output = dir.url.appendingPathComponent("\(name).dcm").path
        try DumpListing.run("dump2dcm", options + [input.path, output])
        return output
    }

    /// PACSLink's listing of a file, read with `DICOMFile`.
    static func ourListing(_ path: String) throws -> String {
        let file = try DICOMFile(path: path)
        return Part10Dump.lines(header: file.header, dataSet: try file.readDataSet()).joined(separator: "\n")
    }

    static func expectSameElements(_ path: String, latin1: Bool = false) throws {
        let ours = try ourListing(path)
        let theirs = try DumpListing.dcmdump(path, latin1: latin1)
        #expect(DumpRecord.parse(ours).count > 10, "\(ours)")
        let differences = DumpListing.differences(ours: ours, theirs: theirs)
        #expect(differences.isEmpty, "\(path):\n\(differences.joined(separator: "\n"))\n--- ours:\n\(ours)\n--- dcmdump:\n\(theirs)")
    }

    @Test("PS3.10 files made by dump2dcm read in PACSLink with dcmdump's elements", arguments: dump2dcmCases.map(\.name))
    func dump2dcmFiles(name: String) throws {
        let dir = try TemporaryDirectory()
        let options = Self.dump2dcmCases.first { $0.name == name }!.options
        try Self.expectSameElements(try Self.dump2dcmFile(name, options: options, in: dir), latin1: name.hasPrefix("latin1"))
    }

    /// A 4×3 24-bit BMP (bottom-up rows padded to 4 bytes), built by hand.
    static func bitmap() -> [UInt8] {
        let (width, height) = (4, 3)
        let rowBytes = (width * 3 + 3) / 4 * 4
        let pixels = (0..<height).flatMap { y in
            (0..<rowBytes).map { x in UInt8(truncatingIfNeeded: x * 60 + y * 7) }
        }
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let fileHeader = Array("BM".utf8) + le32(54 + pixels.count) + le32(0) + le32(54)
        let info = le32(40) + le32(width) + le32(height) + le16(1) + le16(24) + le32(0) + le32(pixels.count)
            + le32(2835) + le32(2835) + le32(0) + le32(0)
        return fileHeader + info + pixels
    }

    @Test("PS3.10 files made by img2dcm (BMP), and its JPEG Lossless encapsulation by dcmcjpeg, read in PACSLink")
    func img2dcmFiles() throws {
        let dir = try TemporaryDirectory()
        let bmp = dir.url.appendingPathComponent("x.bmp")
        try Data(Self.bitmap()).write(to: bmp)
        let native = dir.url.appendingPathComponent("img.dcm").path
        try DumpListing.run("img2dcm", ["-i", "BMP", bmp.path, native])
        try Self.expectSameElements(native)
        let jpeg = dir.url.appendingPathComponent("jpeg.dcm").path
        try DumpListing.run("dcmcjpeg", ["+e1", native, jpeg])
        try Self.expectSameElements(jpeg)
        let file = try DICOMFile(path: jpeg)
        #expect(file.header.transferSyntax.isEncapsulated)
        guard case .fragments(let fragments) = try file.readDataSet()[.pixelData]?.value else {
            Issue.record("JPEG pixel data not read as fragments")
            return
        }
        #expect(fragments.count == 2)
        #expect(fragments[1].prefix(2) == [0xFF, 0xD8])
    }

    /// A data set with every value shape PACSLink writes.
    static func sample(privateElements: Bool) throws -> DataSet {
        var ds = DataSet()
        try ds.setString("ISO_IR 192", for: .specificCharacterSet)
        ds.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
        ds.setUID("1.2.826.0.1.3680043.2.1125.98.1", for: .sopInstanceUID)
        try ds.setString("20240229", for: .studyDate)
        try ds.setString("Gómez^Ana=山田^花子", for: .patientName)
        try ds.setStrings(["CT", "MR"], for: .modalitiesInStudy)
        try ds.setStrings(["-1.5", "2", "3.25"], for: .imagePositionPatient)
        ds.setUInt16(2, for: .rows)
        ds.setUInt16(2, for: .columns)
        var inner = DataSet()
        inner.setUID("1.2.840.10008.5.1.4.1.1.7", for: .referencedSOPClassUID)
        inner.setUID("1.2.826.0.1.3680043.2.1125.98.2", for: .referencedSOPInstanceUID)
        var outer = DataSet()
        outer.insert(DataElement(sequence: .referencedImageSequence, items: [inner, DataSet()], undefinedLength: true))
        outer.setUID("1.2.826.0.1.3680043.2.1125.98.3", for: .seriesInstanceUID)
        ds.insert(DataElement(sequence: .referencedSeriesSequence, items: [outer]))
        ds.insert(DataElement(sequence: .referencedStudySequence, items: []))
        ds.insert(DataElement(tag: .pixelData, vr: .OW, bytes: [1, 0, 2, 0, 3, 0, 4, 0]))
        if privateElements {
            try ds.setString("PACSLINK TEST", for: Tag(0x0009, 0x0010), vr: .LO)
            try ds.setString("private", for: Tag(0x0009, 0x1001), vr: .LO)
            ds.setUInt32(7, for: Tag(0x0009, 0x1002), vr: .UL)
            ds.setTags([.patientID, .studyDate], for: Tag(0x0020, 0x9165))
            ds.insert(DataElement(tag: Tag(0x0018, 0x9089), vr: .FD, bytes: Self.doubles([0.5, -1.5, 2])))
        }
        return ds
    }

    static func doubles(_ values: [Double]) -> [UInt8] {
        values.flatMap { v in (0..<8).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } }
    }

    @Test("PS3.10 files PACSLink writes read in dcmdump with the same elements",
          arguments: [TransferSyntax.explicitVRLittleEndian, .implicitVRLittleEndian, .explicitVRBigEndian])
    func ourFiles(syntax: TransferSyntax) throws {
        let dir = try TemporaryDirectory()
        let ds = try Self.sample(privateElements: syntax.isExplicitVR)
        let meta = try FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.826.0.1.3680043.2.1125.98.1",
            transferSyntaxUID: syntax.uid, sourceApplicationEntityTitle: "PACSLINK")
        let encoding = DataSetEncoding(explicitVR: syntax.isExplicitVR, byteOrder: syntax.byteOrder)
        let url = dir.url.appendingPathComponent("ours.dcm")
        try DICOMFile.write(meta: meta, dataSet: try DataSetEncoder(encoding: encoding).encode(ds), to: url)
        #expect(try DICOMFile(path: url.path).readDataSet() == ds)
        try Self.expectSameElements(url.path)
        let theirs = try DumpListing.dcmdump(url.path)
        #expect(theirs.contains("(0002,0010) UI [\(syntax.uid)]"))
        #expect(theirs.contains("(0002,0012) UI [\(UID.implementationClassUID)]"))
        #expect(theirs.contains("(0002,0016) AE [PACSLINK]"))
    }
}
