import DICOMProtocol
import Testing

@testable import PACSLink

/// Properties of the matchers over many seeded random inputs: no input traps, and wild card
/// matching agrees with a plain recursive definition of PS3.4 §C.2.2.2.4.
@Suite("QueryRetrieve matching properties")
struct QueryRetrievePropertyTests {
    /// PS3.4 §C.2.2.2.4 read literally: `*` any run (possibly empty), `?` one character.
    private func reference(_ pattern: Substring, _ text: Substring) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            return reference(pattern.dropFirst(), text) || (!text.isEmpty && reference(pattern, text.dropFirst()))
        case "?":
            return !text.isEmpty && reference(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == first && reference(pattern.dropFirst(), text.dropFirst())
        }
    }

    private func random(_ alphabet: [Character], maxLength: Int, _ rng: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    @Test("PS3.4 C.2.2.2.4 wild card matching equals the recursive definition on 20,000 random cases")
    func wildcardAgreesWithDefinition() {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<20_000 {
            let pattern = random(["a", "b", "*", "?"], maxLength: 7, &rng)
            let text = random(["a", "b"], maxLength: 8, &rng)
            #expect(WildcardPattern(pattern).matches(text) == reference(pattern[...], text[...]), "\(pattern) ~ \(text)")
        }
    }

    @Test("PS3.4 C.2.2.2.5 random date, time and date-time keys never trap; a parsed single value contains itself")
    func rangesNeverTrap() {
        var rng = SeededGenerator(seed: 7)
        let alphabet: [Character] = ["0", "1", "2", "5", "9", "-", "+", ".", ":", " ", "x"]
        for _ in 0..<30_000 {
            let text = random(alphabet, maxLength: 24, &rng)
            for kind in [DateTimeRange.Kind.date, .time, .dateTime] {
                guard let range = DateTimeRange(text, kind: kind) else { continue }
                _ = range.contains(random(alphabet, maxLength: 20, &rng))
                if !text.contains("-"), kind != .dateTime { #expect(range.contains(text), "\(kind) \(text)") }
            }
        }
    }

    @Test("Random key values of every matching VR never trap: a matcher is built or a QueryError thrown")
    func keysNeverTrap() throws {
        var rng = SeededGenerator(seed: 99)
        let alphabet: [Character] = ["1", "2", ".", "\\", "*", "?", "-", "^", "a", "é", " "]
        let tags: [DICOMProtocol.Tag] = [.patientName, .patientID, .studyDate, .studyTime, .acquisitionDateTime, .studyInstanceUID, .seriesNumber, .modality]
        var record = DataSet([StudyDatabase.utf8CharacterSet])
        try record.setString("Doe^John", for: .patientName)
        try record.setString("20200101", for: .studyDate)
        for _ in 0..<10_000 {
            let tag = tags.randomElement(using: &rng)!
            var identifier = DataSet([StudyDatabase.utf8CharacterSet])
            identifier.insert(DataElement(tag: tag, vr: DataDictionary.implicitVR(for: tag), bytes: Array(random(alphabet, maxLength: 16, &rng).utf8)))
            if let matcher = try? KeyMatcher(key: identifier[tag]!, in: identifier) { _ = matcher.matches(record) }
        }
    }
}
