import DICOMProtocol

/// AE title values of the registry (`ae_title`, `local_ae_title`, `allowed_callers`), checked
/// by DICOMProtocol's `AETitle` (PS3.5 §6.2): 1–16 characters of the default repertoire, no
/// backslash or control characters, not only spaces; surrounding spaces dropped, case kept.
enum AETitleRule {
    /// The title without its insignificant spaces, or a `FieldError` naming `key` and the rule.
    static func validate(_ value: String, key: String) throws(FieldError) -> String {
        do throws(ProtocolError) {
            return try AETitle(validating: value, field: key).value
        } catch {
            throw FieldError(key: key, error.detail)
        }
    }
}
