import DICOMProtocol

/// The rule for a server's preferred compression: a transfer-syntax name users can type
/// (`jpeg-lossless`, `rle`, …, any case) or a transfer-syntax UID (PS3.5 §10, §9.1; PS3.6
/// Annex A), as the transfer-syntax registry (`TransferSyntax.lookup`) knows them.
public enum CompressionRule {
    /// The value as given, or a `FieldError` naming `key` and the rule.
    public static func validate(_ value: String, key: String) throws(FieldError) -> String {
        guard TransferSyntax.lookup(value) != nil else {
            throw FieldError(
                key: key,
                "\"\(value)\" is not a transfer syntax: expected a name such as jpeg-lossless, jpeg2000-lossless, jpeg-ls-lossless, rle, deflate, explicit-le, or a transfer syntax UID such as 1.2.840.10008.1.2.4.70")
        }
        return value
    }
}
