import Foundation
import Testing
import TestSupport
@testable import DICOMProtocol

/// Our codec against DCMTK's (`dump2dcm -F` writes bare data sets, `dcmdump -f` reads them):
/// each side must read what the other wrote, in every encoding and both sequence styles.
@Suite("PS3.5 data sets interoperate with DCMTK")
struct DataSetDCMTKTests {
    /// Nested sequences, Latin-1 text, multi-valued strings and a US (dump2dcm syntax).
    static let dump = """
        (0008,0005) CS [ISO_IR 100]
        (0008,0060) CS [MR]
        (0008,0061) CS [CT\\MR]
        (0008,1115) SQ
        (fffe,e000) na
        (0008,0104) LO [Série]
        (0008,1140) SQ
        (fffe,e000) na
        (0008,1150) UI [1.2.840.10008.5.1.4.1.1.4]
        (0008,1155) UI [1.2.3.4.5.6]
        (fffe,e00d) na
        (fffe,e000) na
        (0008,1155) UI [1.2.3.4.5.7]
        (fffe,e00d) na
        (fffe,e0dd) na
        (fffe,e00d) na
        (fffe,e0dd) na
        (0010,0010) PN [Müller^Jürgen]
        (0028,0010) US 512
        (0028,0030) DS [0.5\\0.5]

        """

    static let styles: [(flag: String, encoding: DataSetEncoding)] = [
        ("+te", .explicitVRLittleEndian), ("+tb", .explicitVRBigEndian), ("+ti", .implicitVRLittleEndian),
    ]

    @Test("data sets written by dump2dcm decode, and re-encode to the same bytes", arguments: 0..<3, [false, true])
    func readsDCMTK(style: Int, undefinedLengths: Bool) throws {
        let (flag, encoding) = Self.styles[style]
        let dir = try TemporaryDirectory()
        let dumpFile = dir.url.appendingPathComponent("in.dump")
        try Data(try #require(SpecificCharacterSet.isoIR100.encode(Self.dump))).write(to: dumpFile)
        let out = dir.url.appendingPathComponent("out.dcm")
        let run = try ChildProcess.run(
            DCMTK.tool("dump2dcm"), ["-F", flag] + (undefinedLengths ? ["-e"] : []) + [dumpFile.path, out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = Array(try Data(contentsOf: out))

        let ds = try DataSetDecoder(encoding: encoding).decode(bytes)
        #expect(ds.specificCharacterSet == .isoIR100)
        #expect(ds.string(.patientName) == "Müller^Jürgen")
        #expect(ds.strings(.modalitiesInStudy) == ["CT", "MR"])
        #expect(ds.strings(.pixelSpacing) == ["0.5", "0.5"])
        #expect(ds.uint16(.rows) == 512)
        let series = try #require(ds[.referencedSeriesSequence]?.items?.first)
        #expect(series.hasUndefinedLength == undefinedLengths)
        #expect(series.dataSet.string(.codeMeaning, characterSet: ds.specificCharacterSet) == "Série")
        let images = try #require(series.dataSet[.referencedImageSequence]?.items)
        #expect(images.map { $0.dataSet.uid(.referencedSOPInstanceUID) } == ["1.2.3.4.5.6", "1.2.3.4.5.7"])

        #expect(try DataSetEncoder(encoding: encoding).encode(ds) == bytes)
    }

    @Test("data sets we encode are read by dcmdump, encapsulated pixel data included", arguments: 0..<3)
    func dcmdumpReadsOurs(style: Int) throws {
        let (flag, encoding) = Self.styles[style]
        var ds = try DataSetCodecTests.sample(undefinedLengths: style == 1)
        if encoding.explicitVR {
            ds.insert(DataElement(tag: .pixelData, vr: .OB, value: .fragments([[], [1, 2, 3, 4]])))
        }
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("ours.dcm")
        try Data(try DataSetEncoder(encoding: encoding).encode(ds)).write(to: file)
        let readFlag = "-" + flag.dropFirst()
        let run = try ChildProcess.run(DCMTK.tool("dcmdump"), ["-f", readFlag, "-E", "+L", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let dump = run.stdout
        #expect(dump.contains("(0010,0010) PN [Müller^Jürgen]"), "\(dump)")
        #expect(dump.contains("(0008,0061) CS [CT\\MR]"))
        #expect(dump.contains("(0028,0010) US 512"))
        #expect(dump.contains("(0008,1155) UI [1.2.3.4]"))
        #expect(dump.contains("(0008,0104) LO [Ref]"))
        if encoding.explicitVR {
            #expect(dump.contains("(7fe0,0010) OB (PixelSequence #=2)"))
        }
        #expect(!run.stderr.contains("E: "), "\(run.stderr)")
    }
}
