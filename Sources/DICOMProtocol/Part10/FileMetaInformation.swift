/// The DICOM File Meta Information (PS3.10 §7.1, Table 7.1-1): the group 0002 elements that
/// follow the 128-byte preamble and the `DICM` prefix, always in Explicit VR Little Endian.
///
/// The elements are kept as read (or as built), so a dump shows exactly what the file holds;
/// the typed properties read from them.
public struct FileMetaInformation: Equatable, Sendable {
    /// File Meta Information Version (0002,0001): this is version 1 (PS3.10 §7.1).
    public static let version: [UInt8] = [0x00, 0x01]
    /// Length of the File Preamble (PS3.10 §7.1).
    public static let preambleLength = 128
    /// The DICOM Prefix, "DICM", at bytes 128…131 (PS3.10 §7.1).
    public static let prefix: [UInt8] = Array("DICM".utf8)
    /// Where the group 0002 elements start: after the preamble and the prefix.
    public static let elementsOffset = preambleLength + 4

    /// The group 0002 elements, File Meta Information Group Length (0002,0000) included.
    public let elements: DataSet

    /// Wraps group 0002 elements read from a file. Throws when Transfer Syntax UID
    /// (0002,0010), without which the data set cannot be read, is absent or empty.
    public init(elements: DataSet) throws(ProtocolError) {
        guard let uid = elements.uid(.transferSyntaxUID), !uid.isEmpty else {
            throw ProtocolError(
                .malformed, field: "Transfer Syntax UID (0002,0010)",
                "missing from the File Meta Information (PS3.10 §7.1 requires it)")
        }
        self.elements = elements
    }

    /// The File Meta Information PACSLink writes (PS3.10 Table 7.1-1): version 00\01, the
    /// SOP class and instance of the data set, its transfer syntax, PACSLink's implementation
    /// class UID and version name, and optionally the AE title of the writer (0002,0016).
    /// The group length (0002,0000) is computed. Throws when a value cannot be encoded (a
    /// name outside the default repertoire).
    public init(
        mediaStorageSOPClassUID: String, mediaStorageSOPInstanceUID: String,
        transferSyntaxUID: String,
        implementationClassUID: String = UID.implementationClassUID,
        implementationVersionName: String? = UID.implementationVersionName,
        sourceApplicationEntityTitle: String? = nil
    ) throws(ProtocolError) {
        var group = DataSet()
        group.insert(DataElement(tag: .fileMetaInformationVersion, vr: .OB, bytes: Self.version))
        group.setUID(mediaStorageSOPClassUID, for: .mediaStorageSOPClassUID)
        group.setUID(mediaStorageSOPInstanceUID, for: .mediaStorageSOPInstanceUID)
        group.setUID(transferSyntaxUID, for: .transferSyntaxUID)
        group.setUID(implementationClassUID, for: .implementationClassUID)
        if let implementationVersionName {
            try group.setString(implementationVersionName, for: .implementationVersionName, vr: .SH)
        }
        if let sourceApplicationEntityTitle {
            try group.setString(sourceApplicationEntityTitle, for: .sourceApplicationEntityTitle, vr: .AE)
        }
        let length = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(group).count
        group.setUInt32(UInt32(length), for: .fileMetaInformationGroupLength)
        try self.init(elements: group)
    }

    public var transferSyntaxUID: String { elements.uid(.transferSyntaxUID) ?? "" }
    /// The transfer syntax of the data set that follows (PS3.10 §7.1).
    public var transferSyntax: TransferSyntax { TransferSyntax(uid: transferSyntaxUID) }
    public var mediaStorageSOPClassUID: String? { elements.uid(.mediaStorageSOPClassUID) }
    public var mediaStorageSOPInstanceUID: String? { elements.uid(.mediaStorageSOPInstanceUID) }
    public var implementationClassUID: String? { elements.uid(.implementationClassUID) }
    public var implementationVersionName: String? { elements.string(.implementationVersionName) }
    public var sourceApplicationEntityTitle: String? { elements.string(.sourceApplicationEntityTitle) }

    /// Preamble (128 zero bytes unless given), `DICM` and the group 0002 elements: what goes
    /// before the data set in a Part 10 file (PS3.10 §7.1). Append the data set, encoded in
    /// `transferSyntax`, to make the file.
    public func encoded(preamble: [UInt8] = [UInt8](repeating: 0, count: preambleLength)) throws(ProtocolError) -> [UInt8] {
        guard preamble.count == Self.preambleLength else {
            throw ProtocolError(
                .invalidValue, field: "File Preamble",
                "is \(preamble.count) bytes; PS3.10 §7.1 makes it exactly 128")
        }
        var writer = ByteWriter(capacity: 256)
        writer.writeBytes(contentsOf: preamble)
        writer.writeBytes(contentsOf: Self.prefix)
        try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(elements, into: &writer)
        return writer.bytes
    }
}
