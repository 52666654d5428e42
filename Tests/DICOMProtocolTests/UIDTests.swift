import Testing
@testable import DICOMProtocol

@Suite("PS3.5 §9 UIDs")
struct UIDTests {
    @Test("PS3.5 9.1 accepts registry UIDs and the 64-character limit", arguments: [
        "1.2.840.10008.1.2", "1.2.840.10008.5.1.4.1.1.7", "0", "1.0.3", "2.25.0",
        "1." + String(repeating: "9", count: 62),
    ])
    func accepts(_ uid: String) {
        #expect(UID.isValid(uid))
        #expect(throws: Never.self) { try UID.validate(uid, field: "test") }
    }

    @Test("PS3.5 9.1 refuses each broken rule and names it", arguments: [
        ("", "is empty"),
        ("1." + String(repeating: "9", count: 63), "longer than 64"),
        ("1..2", "empty component"),
        (".1.2", "empty component"),
        ("1.2.", "ends with a dot"),
        ("1.02", "leading zero"),
        ("1.2.00", "leading zero"),
        ("1.2.a", "other than digits"),
        ("1.2 ", "other than digits"),
        ("1.2\u{0}", "other than digits"),
        ("1.2.٣", "other than digits"),
    ])
    func refuses(_ uid: String, rule: String) {
        #expect(!UID.isValid(uid))
        do {
            try UID.validate(uid, field: "(0008,0016) SOP Class UID")
            Issue.record("accepted \(uid)")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == "(0008,0016) SOP Class UID")
            #expect(error.detail.contains(rule))
        }
    }

    @Test("PS3.5 9.1 validation agrees with a plain reading of the rule on 5,000 random strings")
    func randomStrings() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789....0a ")
        var valid = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 8 : 70), using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let components = text.split(separator: ".", omittingEmptySubsequences: false)
            let expected = !text.isEmpty && text.count <= 64 && components.allSatisfy { part in
                !part.isEmpty && part.allSatisfy(\.isWholeNumber) && !(part.count > 1 && part.first == "0")
            }
            #expect(UID.isValid(text) == expected, "\(text)")
            if expected { valid += 1 }
        }
        #expect(valid > 50)  // the draw reaches both sides of the rule
    }

    @Test("PS3.5 B.2 generated UIDs are valid, 2.25-rooted, version-4 UUIDs and distinct")
    func generated() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let uid = UID.generate()
            #expect(UID.isValid(uid))
            #expect(uid.hasPrefix("2.25."))
            #expect(uid.utf8.count <= 44)
            seen.insert(uid)
        }
        #expect(seen.count == 1_000)
    }

    @Test("PS3.5 B.2 the UUID's version and variant bits are set")
    func versionBits() {
        var zeros = ConstantGenerator(value: 0)
        // Only the version (0x4 at bit 76) and variant (0b10 at bit 63) bits remain set.
        let expected = UID.decimal(high: 0x4000, low: 0x8000_0000_0000_0000)
        #expect(UID.generate(using: &zeros) == "2.25." + expected)
        var ones = ConstantGenerator(value: .max)
        #expect(UID.generate(using: &ones)
            == "2.25." + UID.decimal(high: ~UInt64(0xB000), low: ~UInt64(0x4000_0000_0000_0000)))
    }

    @Test("128-bit decimal conversion matches known values")
    func decimal() {
        #expect(UID.decimal(high: 0, low: 0) == "0")
        #expect(UID.decimal(high: 0, low: 1_234_567_890) == "1234567890")
        #expect(UID.decimal(high: 1, low: 0) == "18446744073709551616")
        #expect(UID.decimal(high: .max, low: .max) == "340282366920938463463374607431768211455")
    }

    @Test("PS3.7 D.3.3.2 implementation identification fits its limits")
    func implementation() {
        #expect(UID.isValid(UID.implementationClassUID))
        #expect(UID.implementationVersionName.utf8.count <= 16)
    }
}

/// A generator that always yields the same word, to pin the bits `UID.generate` forces.
private struct ConstantGenerator: RandomNumberGenerator {
    let value: UInt64
    mutating func next() -> UInt64 { value }
}
