import DICOMProtocol

/// The bytes a C-STORE sub-operation sends (PS3.7 §9.1.1): the instance's data set in the
/// transfer syntax of the presentation context it goes on.
extension InstanceSource {
    /// The transfer syntax the data set is stored in (synthetic instances have none: they are
    /// made in whichever is asked).
    public var storedTransferSyntaxUID: String? {
        switch self {
        case .file(_, let uid), .memory(_, let uid): uid
        case .synthetic: nil
        }
    }

    /// The transfer syntaxes to propose for sending it, best first: the stored one, then the
    /// uncompressed little endian ones it can be re-encoded into (PS3.5 §10.1, Annex A.1–A.2).
    public var proposableTransferSyntaxes: [String] {
        let uncompressed = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]
        guard let stored = storedTransferSyntaxUID else { return uncompressed }
        guard Self.isUncompressedLittleEndian(TransferSyntax(uid: stored)) else { return [stored] }
        return [stored] + uncompressed.filter { $0 != stored }
    }

    /// Whether `encoded(in:)` can make `transferSyntax`: the stored one, or any uncompressed
    /// little endian one from an uncompressed little endian data set.
    public func canBeEncoded(in transferSyntax: TransferSyntax) -> Bool {
        guard let stored = storedTransferSyntaxUID.map(TransferSyntax.init(uid:)) else {
            return Self.isUncompressedLittleEndian(transferSyntax)
        }
        return stored == transferSyntax || (Self.isUncompressedLittleEndian(stored) && Self.isUncompressedLittleEndian(transferSyntax))
    }

    /// The data set encoded in `transferSyntax`: as stored when it is the stored one,
    /// re-encoded between Implicit and Explicit VR Little Endian otherwise (the simulator never
    /// compresses or decompresses). Reads the file for `.file`: blocking I/O, call it off the
    /// event loop. Throws `ProtocolError` (`unsupported` for a conversion it cannot make) or
    /// `FileError`.
    public func encoded(in transferSyntax: TransferSyntax) throws -> [UInt8] {
        switch self {
        case .synthetic(let instance):
            return try instance.encoded(in: transferSyntax)
        case .memory(let bytes, let stored):
            return try Self.reencode(bytes, from: TransferSyntax(uid: stored), to: transferSyntax)
        case .file(let path, let stored):
            let file = try DICOMFile(path: path)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(max(0, file.dataSetLength))
            while let chunk = try file.nextDataSetChunk() { bytes += chunk }
            return try Self.reencode(bytes, from: TransferSyntax(uid: stored), to: transferSyntax)
        }
    }

    private static func reencode(_ bytes: [UInt8], from stored: TransferSyntax, to wanted: TransferSyntax) throws(ProtocolError) -> [UInt8] {
        if stored == wanted { return bytes }
        guard isUncompressedLittleEndian(stored), isUncompressedLittleEndian(wanted) else {
            throw ProtocolError(
                .unsupported, field: "Transfer Syntax UID", "cannot convert \(stored.name) to \(wanted.name) (no transcoding)")
        }
        let dataSet = try DataSetDecoder(encoding: DataSetEncoding(explicitVR: stored.isExplicitVR, byteOrder: .littleEndian))
            .decode(bytes)
        return try DataSetEncoder(encoding: DataSetEncoding(explicitVR: wanted.isExplicitVR, byteOrder: .littleEndian))
            .encode(dataSet)
    }

    private static func isUncompressedLittleEndian(_ syntax: TransferSyntax) -> Bool {
        syntax.isKnown && syntax.byteOrder == .littleEndian && !syntax.isEncapsulated && !syntax.isDeflated
    }
}
