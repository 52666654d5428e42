/// What precedes the data set in a DICOM file (PS3.10 §7.1): the File Meta Information, the
/// transfer syntax it names, and the byte offset where the data set starts. Parsing needs
/// only the first bytes of a file, so a reader can then stream the data set (a 1 GB image
/// never has to be in memory at once).
///
/// Sans-I/O: `parse` is handed the bytes read so far and answers `nil` when it needs more.
public struct Part10Header: Equatable, Sendable {
    /// `nil` when the input was read as a raw data set (no preamble, no `DICM`).
    public let fileMetaInformation: FileMetaInformation?
    /// From Transfer Syntax UID (0002,0010); guessed for a raw data set.
    public let transferSyntax: TransferSyntax
    /// Offset of the first data set byte from the start of the file.
    public let dataSetOffset: Int

    public init(fileMetaInformation: FileMetaInformation?, transferSyntax: TransferSyntax, dataSetOffset: Int) {
        self.fileMetaInformation = fileMetaInformation
        self.transferSyntax = transferSyntax
        self.dataSetOffset = dataSetOffset
    }

    /// A file meta group longer than this is refused rather than waited for.
    public static let maximumMetaLength = 1 << 20

    /// Parses the start of a file. `bytes` are the first bytes of the file (offsets in errors
    /// and in `dataSetOffset` count from `bytes.startIndex`); `endOfInput` says they are the
    /// whole file. Returns `nil` when more bytes are needed.
    ///
    /// Without a `DICM` prefix at byte 128 the input is refused, unless `allowRawDataSet`:
    /// then it is read as a bare data set from byte 0, Explicit VR Little Endian if it starts
    /// with an explicit VR element, Implicit VR Little Endian otherwise (as dcmdump does).
    public static func parse(
        _ bytes: ArraySlice<UInt8>, endOfInput: Bool, allowRawDataSet: Bool = false
    ) throws(ProtocolError) -> Part10Header? {
        let start = bytes.startIndex
        let elementsStart = start + FileMetaInformation.elementsOffset
        guard bytes.count >= FileMetaInformation.elementsOffset else {
            if !endOfInput { return nil }
            if allowRawDataSet { return rawDataSet(bytes) }
            throw ProtocolError(
                .truncated, field: "File Preamble", offset: bytes.count,
                "the file is \(bytes.count) bytes, shorter than the 128-byte preamble and DICM prefix (PS3.10 §7.1)")
        }
        guard bytes[elementsStart - 4..<elementsStart].elementsEqual(FileMetaInformation.prefix) else {
            if allowRawDataSet { return rawDataSet(bytes) }
            throw ProtocolError(
                .malformed, field: "DICM prefix", offset: FileMetaInformation.preambleLength,
                "not a DICOM Part 10 file: no \"DICM\" after the 128-byte preamble (PS3.10 §7.1)")
        }
        guard let (meta, length) = try metaElements(bytes[elementsStart...], endOfInput: endOfInput) else {
            return nil
        }
        let information: FileMetaInformation
        do {
            information = try FileMetaInformation(elements: meta)
        } catch {
            throw error.shifted(by: FileMetaInformation.elementsOffset)
        }
        return Part10Header(
            fileMetaInformation: information, transferSyntax: information.transferSyntax,
            dataSetOffset: FileMetaInformation.elementsOffset + length)
    }

    /// How the data set that follows is encoded; throws for what PACSLink cannot read:
    /// deflated data sets (PS3.5 §A.5; no zlib in the Swift runtime on Linux) and transfer
    /// syntaxes PS3.6 does not register.
    public func dataSetEncoding() throws(ProtocolError) -> DataSetEncoding {
        let field = "Transfer Syntax UID (0002,0010)"
        if transferSyntax.isDeflated {
            throw ProtocolError(
                .unsupported, field: field,
                "unsupported: deflate (\(transferSyntax.name), \(transferSyntax.uid)); convert the file with `dcmconv +te` first")
        }
        guard transferSyntax.isKnown else {
            throw ProtocolError(.unsupported, field: field, "unsupported: unknown transfer syntax \(transferSyntax.uid)")
        }
        return DataSetEncoding(explicitVR: transferSyntax.isExplicitVR, byteOrder: transferSyntax.byteOrder)
    }

    /// The group 0002 elements at the start of `bytes`, and how many bytes they take.
    private static func metaElements(
        _ bytes: ArraySlice<UInt8>, endOfInput: Bool
    ) throws(ProtocolError) -> (DataSet, Int)? {
        let decoder = DataSetDecoder(encoding: .explicitVRLittleEndian, maximumDepth: 0)
        let decoded: (dataSet: DataSet, consumed: Int)
        do {
            decoded = try decoder.decodePrefix(bytes) { $0.group == 0x0002 }
        } catch where error.kind == .truncated && !endOfInput {
            guard bytes.count <= maximumMetaLength else {
                throw ProtocolError(
                    .tooLong, field: "File Meta Information", offset: FileMetaInformation.elementsOffset,
                    "group 0002 runs past \(maximumMetaLength) bytes")
            }
            return nil
        } catch {
            throw error.shifted(by: FileMetaInformation.elementsOffset)
        }
        let end = FileMetaInformation.elementsOffset + decoded.consumed
        // The group ends where the next tag is not 0002: that tag must be visible.
        if !endOfInput && bytes.count - decoded.consumed < 4 { return nil }
        if let declared = decoded.dataSet.uint32(.fileMetaInformationGroupLength) {
            let declaredEnd = FileMetaInformation.elementsOffset + 12 + Int(declared)
            guard declaredEnd == end else {
                throw ProtocolError(
                    .malformed, field: "File Meta Information Group Length (0002,0000)",
                    offset: FileMetaInformation.elementsOffset + 8,
                    "says group 0002 ends at byte \(declaredEnd), but its elements end at byte \(end)")
            }
        }
        return (decoded.dataSet, decoded.consumed)
    }

    /// A data set without file meta information, its encoding guessed from the first element.
    private static func rawDataSet(_ bytes: ArraySlice<UInt8>) -> Part10Header {
        let s = bytes.startIndex
        let explicit = bytes.count >= 6 && VR(bytes[s + 4], bytes[s + 5]).map(VR.all.contains) == true
        return Part10Header(
            fileMetaInformation: nil,
            transferSyntax: explicit ? .explicitVRLittleEndian : .implicitVRLittleEndian,
            dataSetOffset: 0)
    }
}
