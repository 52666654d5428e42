import DICOMProtocol
import Testing

@testable import PACSLink

/// `SyntheticStudies`: determinism from the seed, realistic and valid attributes, pixel
/// payload sizes, and encodings that decode back to the same data set.
@Suite("Simulator synthetic studies")
struct SimulatorSyntheticTests {
    private let archive = SyntheticStudies(seed: 42, studies: 3, seriesPerStudy: 2, instancesPerSeries: 5, pixelBytes: 2048)

    @Test("The same seed gives the same archive; another seed another one")
    func determinism() throws {
        let again = SyntheticStudies(seed: 42, studies: 3, seriesPerStudy: 2, instancesPerSeries: 5, pixelBytes: 2048)
        #expect(archive.instances.map { $0.dataSet() } == again.instances.map { $0.dataSet() })
        let one = archive.instance(study: 2, series: 1, instance: 4)
        #expect(try one.encoded(in: .explicitVRLittleEndian) == again.instance(study: 2, series: 1, instance: 4).encoded(in: .explicitVRLittleEndian))
        let other = SyntheticStudies(seed: 43, studies: 3, seriesPerStudy: 2, instancesPerSeries: 5, pixelBytes: 2048)
        let uids = Set(archive.instances.compactMap { $0.dataSet(includingPixelData: false).uid(.sopInstanceUID) })
        let otherUIDs = Set(other.instances.compactMap { $0.dataSet(includingPixelData: false).uid(.sopInstanceUID) })
        #expect(uids.isDisjoint(with: otherUIDs))
        // An entity depends only on its own indices: a larger archive extends a smaller one.
        let larger = SyntheticStudies(seed: 42, studies: 5, seriesPerStudy: 3, instancesPerSeries: 6, pixelBytes: 2048)
        #expect(larger.instance(study: 2, series: 1, instance: 4).dataSet() == one.dataSet())
    }

    @Test("PS3.5 9 every UID is valid and unique; the hierarchy shares study and series UIDs")
    func uids() {
        let sets = archive.instances.map { $0.dataSet(includingPixelData: false) }
        for tag in [DICOMProtocol.Tag.studyInstanceUID, .seriesInstanceUID, .sopInstanceUID, .sopClassUID] {
            #expect(sets.allSatisfy { UID.isValid($0.uid(tag) ?? "") }, "\(tag)")
        }
        #expect(Set(sets.map { $0.uid(.sopInstanceUID)! }).count == 30)
        #expect(Set(sets.map { $0.uid(.seriesInstanceUID)! }).count == 6)
        #expect(Set(sets.map { $0.uid(.studyInstanceUID)! }).count == 3)
        #expect(Set(sets.map { $0.string(.patientID)! }) == ["PL000001", "PL000002"])
    }

    @Test("PS3.3 C.7 attributes: patient and study identity, modality and SOP class agree, pixel module")
    func attributes() {
        for instance in archive.instances {
            let ds = instance.dataSet(includingPixelData: false)
            #expect(ds.string(.patientName)?.contains("^") == true)
            #expect(ds.string(.patientBirthDate)?.count == 8)
            #expect(["M", "F", "O"].contains(ds.string(.patientSex) ?? ""))
            #expect(ds.string(.studyDate)?.count == 8)
            #expect(ds.string(.studyTime)?.count == 6)
            #expect(ds.string(.accessionNumber)?.count == 9)
            #expect(ds.int(.seriesNumber) == instance.series + 1)
            #expect(ds.int(.instanceNumber) == instance.instance + 1)
            let modality = ds.string(.modality)
            let expected = modality == "CT" ? SOPClass.ctImageStorage : SOPClass.secondaryCaptureImageStorage
            #expect(["CT", "OT"].contains(modality ?? ""))
            #expect(ds.uid(.sopClassUID) == expected.uid)
            #expect(ds.string(.photometricInterpretation) == "MONOCHROME2")
            #expect(ds.uint16(.bitsAllocated) == 16 && ds.uint16(.bitsStored) == 12 && ds.uint16(.highBit) == 11)
            #expect(ds.uint16(.samplesPerPixel) == 1 && ds.uint16(.pixelRepresentation) == 0)
            #expect(ds.string(.specificCharacterSet) == "ISO_IR 192")
        }
        let modalities = Set(archive.instances.map { $0.dataSet(includingPixelData: false).string(.modality)! })
        #expect(modalities == ["CT", "OT"])
    }

    @Test("PS3.3 C.7.1.1 patient names include non-ASCII ones, encoded in ISO_IR 192")
    func unicodeNames() throws {
        let many = SyntheticStudies(seed: 1, studies: 60, seriesPerStudy: 1, instancesPerSeries: 1, pixelBytes: 2)
        let names = many.instances.map { $0.dataSet(includingPixelData: false).string(.patientName)! }
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        let database = many.makeDatabase()
        #expect(database.patientCount == 30)
        let found = database.find(try QueryRequest(
            identifier: QueryKeys.identifier(level: .patient, model: .patientRoot, keys: ["PatientName=*ü*"]), model: .patientRoot))
        #expect(!found.isEmpty && found.allSatisfy { $0.string(.patientName)!.contains("ü") })
    }

    @Test("PS3.3 C.7.6.3 Pixel Data is rows × columns × 2 bytes, the largest not above the asked size", arguments: [
        0, 1, 2, 3, 100, 2048, 4096, 100_000, 524_288, 1_000_001, 1 << 40,
    ])
    func pixelSizes(_ bytes: Int) {
        let instance = SyntheticStudies(seed: 1, pixelBytes: bytes).instance(study: 0, series: 0, instance: 0)
        #expect(instance.pixelDataLength == instance.rows * instance.columns * 2)
        #expect(instance.pixelDataLength <= max(2, bytes))
        #expect(instance.pixelDataLength >= min(bytes, 1 << 32 - 2) - 2 * instance.rows - 1)
        #expect(instance.pixelDataLength < 1 << 32 && instance.rows <= 65535 && instance.columns <= 65535)
        let ds = instance.dataSet(includingPixelData: false)
        #expect(ds.int(.rows) == instance.rows && ds.int(.columns) == instance.columns)
        if bytes == 524_288 { #expect(instance.rows == 512 && instance.columns == 512) }
    }

    @Test("PS3.5 A.1, A.2 encoded data sets decode back in Implicit and Explicit VR Little Endian")
    func encodings() throws {
        let instance = archive.instance(study: 1, series: 0, instance: 3)
        for (syntax, encoding) in [(TransferSyntax.implicitVRLittleEndian, DataSetEncoding.implicitVRLittleEndian), (.explicitVRLittleEndian, .explicitVRLittleEndian)] {
            let bytes = try instance.encoded(in: syntax)
            #expect(bytes == (try DataSetEncoder(encoding: encoding).encode(instance.dataSet())))
            let decoded = try DataSetDecoder(encoding: encoding).decode(bytes)
            #expect(decoded[.pixelData]?.bytes?.count == instance.pixelDataLength)
            #expect(decoded.uid(.sopInstanceUID) == instance.dataSet().uid(.sopInstanceUID))
        }
    }

    @Test("PS3.3 C.7.6.3 pixel (x, y) holds (x + y + 17 × instance number) mod 4096 within 12 bits")
    func pixelValues() throws {
        let instance = SyntheticStudies(seed: 2, instancesPerSeries: 300, pixelBytes: 2 * 70 * 70).instance(study: 0, series: 0, instance: 250)
        let bytes = try #require(instance.dataSet()[.pixelData]?.bytes)
        #expect(bytes.count == 2 * 70 * 70)
        for y in 0..<70 {
            for x in 0..<70 {
                let value = UInt16(bytes[2 * (y * 70 + x)]) | UInt16(bytes[2 * (y * 70 + x) + 1]) << 8
                #expect(value == UInt16((x + y + 17 * 251) % 4096), "(\(x), \(y))")
            }
        }
    }

    @Test("Chunks never exceed the maximum, concatenate to the encoding, and stream a large payload")
    func chunks() throws {
        let small = archive.instance(study: 0, series: 0, instance: 0)
        let whole = try small.encoded(in: .explicitVRLittleEndian)
        let pieces = Array(try small.chunks(in: .explicitVRLittleEndian, maximumLength: 100))
        #expect(pieces.allSatisfy { $0.count <= 100 })
        #expect(pieces.count == (whole.count + 99) / 100)
        #expect(Array(pieces.joined()) == whole)

        let large = SyntheticStudies(seed: 3, pixelBytes: 4 << 20).instance(study: 0, series: 0, instance: 0)
        var stream = try large.chunks(in: .implicitVRLittleEndian, maximumLength: 256 << 10)
        var total = 0, largest = 0
        while let chunk = stream.next() {
            total += chunk.count
            largest = max(largest, chunk.count)
        }
        #expect(total == stream.totalLength)
        #expect(largest == 256 << 10)
        #expect(total > 4 << 20 - 4096 && total < (4 << 20) + 4096)
    }

    @Test("PS3.5 10 only uncompressed little endian syntaxes are offered for synthetic data")
    func unsupportedSyntaxes() {
        let instance = archive.instance(study: 0, series: 0, instance: 0)
        for syntax in [TransferSyntax.explicitVRBigEndian, .jpegBaseline, .deflatedExplicitVRLittleEndian, TransferSyntax(uid: "1.2.3.4")] {
            #expect(throws: ProtocolError.self, "\(syntax)") { try instance.chunks(in: syntax) }
        }
    }

    @Test("The seeded generator is SplitMix64: fixed outputs for a fixed seed")
    func seededGenerator() {
        var rng = SeededGenerator(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(SeededGenerator(seed: 5, path: [1, 2]).hashValueOfFirst != SeededGenerator(seed: 5, path: [2, 1]).hashValueOfFirst)
    }
}

extension SeededGenerator {
    fileprivate var hashValueOfFirst: UInt64 {
        var copy = self
        return copy.next()
    }
}
