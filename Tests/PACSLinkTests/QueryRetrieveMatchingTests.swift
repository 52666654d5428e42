import DICOMProtocol
import Testing

@testable import PACSLink

/// PS3.4 §C.2.2.2: each kind of matching, accepted and refused, on single stored records.
@Suite("QueryRetrieve matching")
struct QueryRetrieveMatchingTests {
    /// A record holding `value` for `tag` (UTF-8 text).
    private func record(_ tag: DICOMProtocol.Tag, _ value: String) throws -> DataSet {
        var ds = DataSet([StudyDatabase.utf8CharacterSet])
        try ds.setString(value, for: tag)
        return ds
    }

    private func matcher(_ tag: DICOMProtocol.Tag, _ value: String) throws -> KeyMatcher {
        let identifier = try QueryKeys.identifier(
            level: .image, model: .studyRoot, arguments: [
                QueryKeyArgument(tag: .studyInstanceUID, vr: .UI, value: "1.2.3"),
                QueryKeyArgument(tag: .seriesInstanceUID, vr: .UI, value: "1.2.3.4"),
            ])
        var keyed = identifier
        if value.unicodeScalars.contains(where: { !$0.isASCII }) { keyed.insert(StudyDatabase.utf8CharacterSet) }
        try keyed.setString(value, for: tag)
        return try KeyMatcher(key: keyed[tag]!, in: keyed)
    }

    private func refusal(_ tag: DICOMProtocol.Tag, _ value: String) -> QueryError? {
        do {
            _ = try matcher(tag, value)
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            return nil
        }
    }

    private func matches(_ tag: DICOMProtocol.Tag, key: String, stored: String) throws -> Bool {
        try matcher(tag, key).matches(record(tag, stored))
    }

    @Test("PS3.4 C.2.2.2.3 an empty key is universal matching: every record, even one without the attribute")
    func universal() throws {
        let m = try matcher(.patientName, "")
        #expect(m.kind == .universal)
        #expect(m.matches(try record(.patientName, "Doe^John")))
        #expect(m.matches(DataSet()))
        #expect(try matcher(.studyDate, "*").kind == .universal)
    }

    @Test("PS3.4 C.2.2.2.1 single value matching is exact and case-sensitive except for PN")
    func singleValue() throws {
        #expect(try matches(.accessionNumber, key: "A123", stored: "A123"))
        #expect(try !matches(.accessionNumber, key: "A123", stored: "a123"))
        #expect(try !matches(.accessionNumber, key: "A12", stored: "A123"))
        #expect(try matches(.modality, key: "CT", stored: "CT"))
        #expect(try !matches(.modality, key: "CT", stored: "MR"))
        // PN: case-insensitive, trailing component separators not significant.
        #expect(try matches(.patientName, key: "DOE^JOHN", stored: "Doe^John"))
        #expect(try matches(.patientName, key: "Doe^John", stored: "Doe^John^^^"))
        #expect(try !matches(.patientName, key: "Doe", stored: "Doe^John"))
        #expect(try matches(.patientName, key: "Müller^Jürgen", stored: "MÜLLER^JÜRGEN"))
    }

    @Test("PS3.4 C.2.2.2.1 an absent or empty stored value matches only universal matching")
    func absentStoredValue() throws {
        #expect(!(try matcher(.accessionNumber, "A1").matches(DataSet())))
        #expect(!(try matcher(.accessionNumber, "A*").matches(try record(.accessionNumber, ""))))
    }

    @Test("PS3.4 C.2.2.2.1 IS and binary integer keys compare as numbers")
    func numbers() throws {
        #expect(try matches(.seriesNumber, key: "7", stored: "007"))
        #expect(try !matches(.seriesNumber, key: "7", stored: "8"))
        var stored = DataSet()
        stored.setUInt16(512, for: .rows)
        var identifier = try QueryKeys.identifier(level: .image, model: .studyRoot, keys: ["StudyInstanceUID=1.2", "SeriesInstanceUID=1.3", "Rows=512"])
        #expect(try KeyMatcher(key: identifier[.rows]!, in: identifier).matches(stored))
        identifier.setUInt16(256, for: .rows)
        #expect(!(try KeyMatcher(key: identifier[.rows]!, in: identifier).matches(stored)))
    }

    @Test("PS3.4 C.2.2.2 a multi-valued stored attribute matches when one value does")
    func multiValuedRecord() throws {
        #expect(try matches(.modalitiesInStudy, key: "MR", stored: "CT\\MR"))
        #expect(try !matches(.modalitiesInStudy, key: "US", stored: "CT\\MR"))
    }

    @Test("PS3.4 C.2.2.2.4 wildcards: * any run, ? one character, anchored at both ends", arguments: [
        ("Doe*", "Doe^John", true), ("*John", "Doe^John", true), ("D?e^John", "Doe^John", true),
        ("*", "", true), ("Do*e*n", "Doe^John", true), ("**e^J*", "Doe^John", true),
        ("Doe?", "Doe", false), ("?oe", "Doe^John", false), ("*x*", "Doe^John", false),
        ("M?ller*", "Müller^Jürgen", true), ("doe*", "DOE^JOHN", true),
    ])
    func wildcard(_ key: String, _ stored: String, _ expected: Bool) throws {
        if key == "*" {
            #expect(WildcardPattern(key).matches(stored) == expected)
        } else {
            #expect(try matches(.patientName, key: key, stored: stored) == expected)
        }
    }

    @Test("PS3.4 C.2.2.2.4 wildcard matching is case-sensitive outside PN")
    func wildcardCaseSensitive() throws {
        #expect(try matches(.studyDescription, key: "CT*", stored: "CT HEAD"))
        #expect(try !matches(.studyDescription, key: "ct*", stored: "CT HEAD"))
    }

    @Test("PS3.4 C.2.2.2.4 a pathological pattern is matched without exponential backtracking")
    func wildcardWorstCase() {
        let pattern = WildcardPattern(String(repeating: "*a", count: 40) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 5_000)))
    }

    @Test("PS3.4 C.2.2.2.4 wildcards are refused for UI, DA, TM and DT", arguments: [
        (DICOMProtocol.Tag.studyInstanceUID, "1.2.*"), (DICOMProtocol.Tag.studyDate, "2020*"), (DICOMProtocol.Tag.studyTime, "10?000"),
        (DICOMProtocol.Tag.acquisitionDateTime, "2020*"),
    ])
    func wildcardRefused(_ tag: DICOMProtocol.Tag, _ value: String) throws {
        let error = try #require(refusal(tag, value))
        #expect(error.kind == .invalidValue)
        #expect(error.detail.contains("C.2.2.2.4"))
    }

    @Test("PS3.4 C.2.2.2.5 date ranges: closed, open at either end, single dates, partial bounds", arguments: [
        ("20200101-20201231", "20200101", true), ("20200101-20201231", "20201231", true),
        ("20200101-20201231", "20191231", false), ("20200101-20201231", "20210101", false),
        ("-20200615", "19990101", true), ("-20200615", "20200616", false),
        ("20200615-", "20200615", true), ("20200615-", "20200614", false),
        ("-2020", "20201231", true), ("-2020", "20210101", false), ("2020-", "20200101", true), ("2020-", "20191231", false),
        ("20200615", "20200615", true), ("20200615", "20200616", false), ("202006", "20200630", true),
        ("2020.06.15", "20200615", true), ("20201231-20200101", "20200601", false),
    ])
    func dateRange(_ key: String, _ stored: String, _ expected: Bool) throws {
        #expect(try matches(.studyDate, key: key, stored: stored) == expected)
    }

    @Test("PS3.4 C.2.2.2.5 time ranges, legacy colons and fractions; a partial upper bound covers its whole minute or hour", arguments: [
        ("0700-1200", "0700", true), ("0700-1200", "120059.999999", true), ("0700-1200", "120100", false),
        ("0700-1200", "065959.999999", false), ("10", "105959", true), ("10", "110000", false),
        ("10:30-", "103000.5", true), ("-0930", "093059", true), ("-0930", "093100", false),
        ("101010.123-101010.124", "101010.1235", true),
    ])
    func timeRange(_ key: String, _ stored: String, _ expected: Bool) throws {
        #expect(try matches(.studyTime, key: key, stored: stored) == expected)
    }

    @Test("PS3.4 C.2.2.2.5 date-time ranges; a negative UTC offset is not a range separator", arguments: [
        ("20200101-20201231", "20200615103000", true), ("20200101120000-", "20200101115959", false),
        ("20200101120000-0500", "20200101120000", true), ("20200101120000-0500", "20200101120001", false),
        ("20200101-0500-20200102", "20200101235959", true), ("-20200101+0100", "20200101235959", true),
    ])
    func dateTimeRange(_ key: String, _ stored: String, _ expected: Bool) throws {
        #expect(try matches(.acquisitionDateTime, key: key, stored: stored) == expected)
    }

    @Test("PS3.4 C.2.2.2.5 malformed dates, times and ranges are refused", arguments: [
        (DICOMProtocol.Tag.studyDate, "2020013"), (DICOMProtocol.Tag.studyDate, "-"), (DICOMProtocol.Tag.studyDate, "2020-01-01"), (DICOMProtocol.Tag.studyDate, "abcd"),
        (DICOMProtocol.Tag.studyDate, "20200101.5"), (DICOMProtocol.Tag.studyTime, "1"), (DICOMProtocol.Tag.studyTime, "10.5"), (DICOMProtocol.Tag.studyTime, "1030-99x"),
    ])
    func rangeRefused(_ tag: DICOMProtocol.Tag, _ value: String) throws {
        let error = try #require(refusal(tag, value))
        #expect(error.kind == .invalidValue)
        #expect(error.detail.contains("C.2.2.2.5"))
    }

    @Test("PS3.4 C.2.2.2.2 list of UID matching: any listed UID matches")
    func uidList() throws {
        let m = try matcher(.seriesInstanceUID, "1.2.3\\1.2.4\\1.2.5")
        #expect(m.kind == .uidList(["1.2.3", "1.2.4", "1.2.5"]))
        var stored = DataSet()
        stored.setUID("1.2.4", for: .seriesInstanceUID)
        #expect(m.matches(stored))
        stored.setUID("1.2.40", for: .seriesInstanceUID)
        #expect(!m.matches(stored))
        #expect(try matcher(.seriesInstanceUID, "1.2.3").kind == .singleValue("1.2.3"))
    }

    @Test("PS3.4 C.2.2.2.2 a list with an invalid UID is refused; backslashes elsewhere are refused")
    func uidListRefused() throws {
        #expect(try #require(refusal(.seriesInstanceUID, "1.2.3\\1.02")).detail.contains("PS3.5 §9.1"))
        #expect(try #require(refusal(.seriesInstanceUID, "1.2.3\\1.2.a")).kind == .invalidValue)
        #expect(try #require(refusal(.modality, "CT\\MR")).detail.contains("C.2.2.2.2"))
    }

    @Test("PS3.4 C.2.2.2.6 sequence matching is treated as universal")
    func sequence() throws {
        let identifier = DataSet([DataElement(sequence: .procedureCodeSequence, items: [DataSet()])])
        let m = try KeyMatcher(key: identifier[.procedureCodeSequence]!, in: identifier)
        #expect(m.kind == .sequence)
        #expect(m.matches(DataSet()))
    }
}
