/// The rule for a server's preferred compression: a transfer-syntax name users can type
/// (`jpeg-lossless`, `rle`, …) or a transfer-syntax UID (PS3.5 §10, PS3.6 Annex A).
///
/// Until the transfer-syntax registry lands (branch `ulsm`), only the spelling is checked:
/// a lowercase name of letters, digits and hyphens, or a UID of digits and dots (PS3.5 §9.1).
public enum CompressionRule {
    public static func validate(_ value: String, key: String) throws(FieldError) -> String {
        let isName = value.first?.isLetter == true
            && value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        let isUID = value.count <= 64
            && value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } && ($0 == "0" || !$0.hasPrefix("0"))
            }
        guard isName || isUID else {
            throw FieldError(
                key: key,
                "\"\(value)\" is not a transfer syntax: expected a name such as jpeg-lossless, jpeg2000-lossless, jpeg-ls-lossless, rle, deflate, explicit-le, or a transfer syntax UID")
        }
        return value
    }
}
