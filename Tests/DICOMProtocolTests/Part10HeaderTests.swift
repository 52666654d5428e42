import Testing
@testable import DICOMProtocol

@Suite("PS3.10 7.1 Part 10 file header")
struct Part10HeaderTests {
    static func meta(_ syntax: TransferSyntax = .explicitVRLittleEndian, source: String? = nil) throws -> FileMetaInformation {
        try FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.3.4.5",
            transferSyntaxUID: syntax.uid, sourceApplicationEntityTitle: source)
    }

    static func dataSet() throws -> DataSet {
        var ds = DataSet()
        ds.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
        ds.setUID("1.2.3.4.5", for: .sopInstanceUID)
        try ds.setString("Doe^John", for: .patientName)
        return ds
    }

    /// Meta + Explicit VR LE data set, the bytes of a whole file.
    static func file(meta: FileMetaInformation? = nil) throws -> (bytes: [UInt8], metaLength: Int) {
        let header = try (meta ?? Self.meta()).encoded()
        let body = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(dataSet())
        return (header + body, header.count)
    }

    @Test("PS3.10 7.1 written header: preamble, DICM, group length, version 00\\01, UIDs, implementation")
    func writtenLayout() throws {
        let bytes = try Self.meta(source: "PACSLINK").encoded()
        #expect(bytes[0..<128].allSatisfy { $0 == 0 })
        #expect(Array(bytes[128..<132]) == Array("DICM".utf8))
        // (0002,0000) UL 4 <length>: the length counts every byte after its own element.
        #expect(Array(bytes[132..<140]) == [0x02, 0x00, 0x00, 0x00, 0x55, 0x4C, 0x04, 0x00])
        let length = Int(bytes[140]) | Int(bytes[141]) << 8 | Int(bytes[142]) << 16 | Int(bytes[143]) << 24
        #expect(144 + length == bytes.count)
        let group = try DataSetDecoder(encoding: .explicitVRLittleEndian).decode(bytes[132...])
        #expect(group[.fileMetaInformationVersion]?.bytes == [0x00, 0x01])
        #expect(group[.fileMetaInformationVersion]?.vr == .OB)
        #expect(group.uid(.transferSyntaxUID) == "1.2.840.10008.1.2.1")
        #expect(group.uid(.implementationClassUID) == UID.implementationClassUID)
        #expect(group.string(.implementationVersionName) == UID.implementationVersionName)
        #expect(group.string(.sourceApplicationEntityTitle) == "PACSLINK")
    }

    @Test("PS3.10 7.1 parse(write(meta) + data set) gives the meta, the syntax and the data set offset")
    func roundTrip() throws {
        let meta = try Self.meta(.implicitVRLittleEndian, source: "AE1")
        let header = try meta.encoded()
        let body = try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(Self.dataSet())
        let parsed = try #require(try Part10Header.parse((header + body)[...], endOfInput: true))
        #expect(parsed.fileMetaInformation == meta)
        #expect(parsed.transferSyntax == .implicitVRLittleEndian)
        #expect(parsed.dataSetOffset == header.count)
        #expect(try parsed.dataSetEncoding() == .implicitVRLittleEndian)
        let decoded = try DataSetDecoder(encoding: parsed.dataSetEncoding()).decode((header + body)[parsed.dataSetOffset...])
        #expect(decoded == (try Self.dataSet()))
        #expect(parsed.fileMetaInformation?.sourceApplicationEntityTitle == "AE1")
        #expect(parsed.fileMetaInformation?.mediaStorageSOPInstanceUID == "1.2.3.4.5")
    }

    @Test("PS3.10 7.1 fed byte by byte, the parser asks for more until the group 0002 is complete")
    func incremental() throws {
        let (bytes, metaLength) = try Self.file()
        for n in 0..<metaLength + 4 {
            #expect(try Part10Header.parse(bytes[..<n], endOfInput: false) == nil, "\(n) bytes")
        }
        let header = try Part10Header.parse(bytes[..<(metaLength + 4)], endOfInput: false)
        #expect(header?.dataSetOffset == metaLength)
    }

    @Test("PS3.10 7.1 a file whose meta group has no group length still parses")
    func noGroupLength() throws {
        var group = try Self.meta().elements
        group.remove(.fileMetaInformationGroupLength)
        let bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + (try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(group))
        let body = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(Self.dataSet())
        let parsed = try #require(try Part10Header.parse((bytes + body)[...], endOfInput: true))
        #expect(parsed.dataSetOffset == bytes.count)
        #expect(parsed.transferSyntax == .explicitVRLittleEndian)
    }

    @Test("PS3.10 7.1 no DICM prefix: refused, naming byte 128")
    func missingPrefix() throws {
        var (bytes, _) = try Self.file()
        bytes[128] = UInt8(ascii: "X")
        #expect(throws: ProtocolError.self) { try Part10Header.parse(bytes[...], endOfInput: true) }
        do {
            _ = try Part10Header.parse(bytes[...], endOfInput: true)
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.offset == 128)
        }
    }

    @Test("PS3.10 7.1 a bare data set is read only when asked, its encoding guessed")
    func rawDataSet() throws {
        for encoding in [DataSetEncoding.explicitVRLittleEndian, .implicitVRLittleEndian] {
            let body = try DataSetEncoder(encoding: encoding).encode(Self.dataSet())
            #expect(throws: ProtocolError.self) { try Part10Header.parse(body[...], endOfInput: true) }
            let parsed = try #require(try Part10Header.parse(body[...], endOfInput: true, allowRawDataSet: true))
            #expect(parsed.fileMetaInformation == nil)
            #expect(parsed.dataSetOffset == 0)
            #expect(try parsed.dataSetEncoding() == encoding)
        }
    }

    @Test("PS3.10 7.1 a file cut inside the meta group is truncated, with the offset")
    func truncatedMeta() throws {
        let (bytes, metaLength) = try Self.file()
        for cut in [10, 131, 140, metaLength - 3] {
            do {
                _ = try Part10Header.parse(bytes[..<cut], endOfInput: true)
                Issue.record("cut at \(cut) parsed")
            } catch {
                #expect(error.kind == .truncated, "cut at \(cut)")
                #expect(error.offset != nil && error.offset! <= cut, "cut at \(cut): \(error)")
            }
        }
    }

    @Test("PS3.10 7.1 a group length that disagrees with the group's elements is malformed", arguments: [-2, 2, 100])
    func badGroupLength(delta: Int) throws {
        var (bytes, _) = try Self.file()
        let length = Int(bytes[140]) | Int(bytes[141]) << 8
        let wrong = length + delta
        bytes[140] = UInt8(wrong & 0xFF)
        bytes[141] = UInt8(wrong >> 8)
        do {
            _ = try Part10Header.parse(bytes[...], endOfInput: true)
            Issue.record("a group length off by \(delta) parsed")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.field.contains("(0002,0000)"))
        }
    }

    @Test("PS3.10 7.1 Transfer Syntax UID (0002,0010) is required")
    func missingTransferSyntax() throws {
        var group = try Self.meta().elements
        group.remove(.transferSyntaxUID)
        group.remove(.fileMetaInformationGroupLength)
        let bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + (try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(group))
        #expect(throws: ProtocolError.self) { try Part10Header.parse(bytes[...], endOfInput: true) }
    }

    @Test("PS3.5 A.5 deflated data sets are reported unsupported, by name")
    func deflate() throws {
        let (bytes, _) = try Self.file(meta: Self.meta(.deflatedExplicitVRLittleEndian))
        let parsed = try #require(try Part10Header.parse(bytes[...], endOfInput: true))
        do {
            _ = try parsed.dataSetEncoding()
            Issue.record("deflate accepted")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.detail.contains("unsupported: deflate"))
        }
    }

    @Test("PS3.10 7.1 random and truncated inputs end in nil, a header or a ProtocolError, never a trap")
    func hostileInput() throws {
        let (bytes, metaLength) = try Self.file()
        var generator = ByteFuzzer(seed: 0x5053_3130)  // "PS10"
        for _ in 0..<100_000 {
            var mutated = Array(bytes.prefix(metaLength + 16))
            for _ in 0..<3 {
                let i = 128 + Int.random(in: 0..<(mutated.count - 128), using: &generator)
                mutated[i] = UInt8.random(in: 0...255, using: &generator)
            }
            let cut = Int.random(in: 0...mutated.count, using: &generator)
            for end in [true, false] {
                _ = try? Part10Header.parse(mutated[..<cut], endOfInput: end)
                _ = try? Part10Header.parse(mutated[..<cut], endOfInput: end, allowRawDataSet: true)
            }
        }
    }
}
