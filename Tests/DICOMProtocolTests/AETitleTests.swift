import Testing
@testable import DICOMProtocol

@Suite("PS3.5 §6.2 AE titles")
struct AETitleTests {
    @Test("PS3.5 6.2 AE accepts 1 to 16 characters and keeps their case", arguments: [
        ("A", "A"), ("PACSLINK", "PACSLINK"), ("StoreSCP", "StoreSCP"),
        ("ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP"), ("MY AE-1_x.y", "MY AE-1_x.y"),
        ("  PACS  ", "PACS"), (" ABCDEFGHIJKLMNOP ", "ABCDEFGHIJKLMNOP"),
    ])
    func accepts(_ text: String, value: String) throws {
        let title = try AETitle(validating: text)
        #expect(title.value == value)
        #expect(title.paddedBytes.count == 16)
        #expect(title.paddedBytes.starts(with: Array(value.utf8)))
        #expect(title.paddedBytes.dropFirst(value.utf8.count).allSatisfy { $0 == 0x20 })
    }

    @Test("PS3.5 6.2 AE refuses what the VR forbids and names the rule", arguments: [
        ("ABCDEFGHIJKLMNOPQ", "longer than 16"),
        ("", "only spaces"),
        ("                ", "only spaces"),
        ("PACS\\ONE", "backslash"),
        ("PACS\tONE", "control character"),
        ("PACS\u{0}", "control character"),
        ("PACS\u{7F}", "control character"),
        ("PACS\n", "control character"),
        ("PACSÉ", "default character repertoire"),
    ])
    func refuses(_ text: String, rule: String) {
        do {
            _ = try AETitle(validating: text, field: "[server \"x\"] ae_title")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == "[server \"x\"] ae_title")
            #expect(error.detail.contains(rule), "\(error.detail)")
        }
    }

    @Test("AE titles compare case-sensitively, spaces aside")
    func equality() throws {
        #expect(try AETitle(validating: "PACS") == AETitle(validating: " PACS "))
        #expect(try AETitle(validating: "pacs") != AETitle(validating: "PACS"))
    }
}
