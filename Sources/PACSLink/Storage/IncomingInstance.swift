import DICOMProtocol

/// What is known of an instance when its C-STORE-RQ arrives, before the data set: enough to
/// build the File Meta Information (PS3.10 §7.1) and to check the data set against it.
public struct IncomingInstance: Sendable, Equatable {
    /// Affected SOP Class UID (0000,0002) of the request: Media Storage SOP Class UID.
    public var sopClassUID: String
    /// Affected SOP Instance UID (0000,1000): Media Storage SOP Instance UID and the file name.
    public var sopInstanceUID: String
    /// The transfer syntax of the presentation context the data set came on.
    public var transferSyntaxUID: String
    /// Calling AE title of the association: Source Application Entity Title (0002,0016).
    public var callingAETitle: String
    public var disposition: StorageLayout.Disposition

    public init(
        sopClassUID: String, sopInstanceUID: String, transferSyntaxUID: String, callingAETitle: String,
        disposition: StorageLayout.Disposition
    ) {
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.transferSyntaxUID = transferSyntaxUID
        self.callingAETitle = callingAETitle
        self.disposition = disposition
    }

    public init(
        _ request: CStoreRQ, transferSyntaxUID: String, callingAETitle: String, disposition: StorageLayout.Disposition
    ) {
        self.init(
            sopClassUID: request.affectedSOPClassUID, sopInstanceUID: request.affectedSOPInstanceUID,
            transferSyntaxUID: transferSyntaxUID, callingAETitle: callingAETitle, disposition: disposition)
    }
}
