/// Who initiated an abort (PS3.8 §9.3.8, Table 9-26 "Source"): the peer's user (A-ABORT) or
/// its upper layer service provider (A-P-ABORT).
public enum ULAbortSource: Hashable, Sendable {
    /// DICOM UL service-user (initiated abort): source 0.
    case serviceUser
    /// DICOM UL service-provider (initiated abort): source 2.
    case serviceProvider
}
