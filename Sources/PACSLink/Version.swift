/// PACSLink's version and the DICOM implementation identification it announces
/// (PS3.7 Annex D.3.3.2: Implementation Class UID and Version Name).
public enum PACSLinkVersion {
    public static let string = "0.1.0"
}
