import DICOMProtocol

/// The four UIDs that place an instance on disk and tie it to its C-STORE-RQ, read from the
/// start of its data set: SOP Class UID (0008,0016), SOP Instance UID (0008,0018), Study
/// Instance UID (0020,000D) and Series Instance UID (0020,000E). Elements are in ascending
/// tag order (PS3.5 §7.1), so they are all within the first elements — before pixel data.
public struct InstanceIdentity: Sendable, Equatable {
    public var sopClassUID: String?
    public var sopInstanceUID: String?
    public var studyInstanceUID: String?
    public var seriesInstanceUID: String?

    public init(sopClassUID: String?, sopInstanceUID: String?, studyInstanceUID: String?, seriesInstanceUID: String?) {
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
    }

    /// Reads the identity from the first bytes of a data set. Returns `nil` while more bytes
    /// are needed (`isComplete` false and the prefix ends before an element past (0020,000E));
    /// throws when the prefix is malformed.
    static func scan(
        _ prefix: ArraySlice<UInt8>, encoding: DataSetEncoding, isComplete: Bool
    ) throws(ProtocolError) -> InstanceIdentity? {
        let decoded: (dataSet: DataSet, consumed: Int)
        do {
            decoded = try DataSetDecoder(encoding: encoding).decodePrefix(prefix) { $0 <= .seriesInstanceUID }
        } catch where error.kind == .truncated && !isComplete {
            return nil
        }
        // Stopped at the end of the bytes so far: an element up to (0020,000E) may still follow.
        guard decoded.consumed < prefix.count || isComplete else { return nil }
        let dataSet = decoded.dataSet
        return InstanceIdentity(
            sopClassUID: dataSet.uid(.sopClassUID), sopInstanceUID: dataSet.uid(.sopInstanceUID),
            studyInstanceUID: dataSet.uid(.studyInstanceUID), seriesInstanceUID: dataSet.uid(.seriesInstanceUID))
    }
}
