import DICOMProtocol
import Testing

@testable import PACSLink

/// `-k` parsing, identifiers built for each level and model, and the hierarchical rules of
/// PS3.4 §C.4.1.1.3.1 refused with the attribute named.
@Suite("QueryRetrieve identifiers")
struct QueryRetrieveIdentifierTests {
    private func refusal(_ body: () throws(QueryError) -> Void) -> QueryError? {
        do throws(QueryError) {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("PS3.4 C.6 levels and unique keys of the Patient Root and Study Root models")
    func levelsAndUniqueKeys() {
        #expect(QueryModel.patientRoot.levels == [.patient, .study, .series, .image])
        #expect(QueryModel.studyRoot.levels == [.study, .series, .image])
        #expect(QueryLevel.allCases.map(\.uniqueKey) == [.patientID, .studyInstanceUID, .seriesInstanceUID, .sopInstanceUID])
        for model in QueryModel.allCases {
            for level in model.levels {
                let unique = model.keys(at: level).filter { $0.kind == .unique }
                #expect(unique.map(\.tag) == [level.uniqueKey], "\(model) \(level)")
            }
        }
        // Study Root keeps the patient's attributes at the study level, Patient ID required.
        #expect(QueryModel.studyRoot.level(of: .patientName) == .study)
        #expect(QueryModel.patientRoot.level(of: .patientName) == .patient)
        #expect(QueryModel.studyRoot.keys(at: .study).contains(QueryKey(.patientID, .required)))
        #expect(QueryModel.studyRoot.keys(at: .patient).isEmpty)
        #expect(QueryModel.patientRoot.keys(at: .series).contains(QueryKey(.modality, .required)))
    }

    @Test("PS3.4 C.6 models from SOP classes and CLI names; levels from (0008,0052) spellings")
    func names() {
        #expect(QueryModel(sopClassUID: SOPClass.patientRootMove.uid) == .patientRoot)
        #expect(QueryModel(sopClassUID: SOPClass.studyRootGet.uid) == .studyRoot)
        #expect(QueryModel(sopClassUID: SOPClass.verification.uid) == nil)
        #expect(QueryModel(name: "Study") == .studyRoot)
        #expect(QueryModel.studyRoot.findSOPClass == .studyRootFind)
        #expect(QueryLevel(name: "series") == .series)
        #expect(QueryLevel(name: "IMAGE ") == .image)
        #expect(QueryLevel(name: "INSTANCE") == nil)
        #expect(QueryLevel.patient < .image)
    }

    @Test("-k takes keywords and gggg,eeee tags, with or without a value")
    func keyArguments() throws {
        #expect(try QueryKeyArgument(parsing: "PatientName=Doe*") == QueryKeyArgument(tag: .patientName, vr: .PN, value: "Doe*"))
        #expect(try QueryKeyArgument(parsing: "0010,0020") == QueryKeyArgument(tag: .patientID, vr: .LO))
        #expect(try QueryKeyArgument(parsing: "(0008,0020)=20200101-") == QueryKeyArgument(tag: .studyDate, vr: .DA, value: "20200101-"))
        #expect(try QueryKeyArgument(parsing: "StudyDescription=a=b").value == "a=b")
        #expect(try QueryKeyArgument(parsing: "AccessionNumber=").value == "")
    }

    @Test("-k refuses unknown keywords and tags, naming the argument", arguments: ["PatientNam=x", "0010,00", "zzzz,0010", "7777,0010", ""])
    func keyArgumentsRefused(_ argument: String) throws {
        let error = try #require(refusal { () throws(QueryError) in _ = try QueryKeyArgument(parsing: argument) })
        #expect(error.kind == .unknownKey)
        #expect(error.field == "-k \(argument)")
    }

    @Test("PS3.4 C.4.1.1.3 a STUDY identifier holds the keys, the level and the unique key as a return key")
    func studyIdentifier() throws {
        let id = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["PatientName=Doe*", "StudyDate=2020-", "ModalitiesInStudy"])
        #expect(id.string(.queryRetrieveLevel) == "STUDY")
        #expect(id.string(.patientName) == "Doe*")
        #expect(id.string(.studyDate) == "2020-")
        #expect(id[.modalitiesInStudy]?.bytes == [])
        #expect(id[.studyInstanceUID]?.bytes == [])
        #expect(id[.specificCharacterSet] == nil)
        let request = try QueryRequest(identifier: id, model: .studyRoot)
        #expect(request.level == .study)
        #expect(request.matchers.count == 4)
        #expect(request.unsupportedKeys.isEmpty)
    }

    @Test("PS3.4 C.4.1.1.3 non-ASCII values set Specific Character Set ISO_IR 192 and are UTF-8")
    func unicodeIdentifier() throws {
        let id = try QueryKeys.identifier(level: .patient, model: .patientRoot, keys: ["PatientName=Müller*"])
        #expect(id.string(.specificCharacterSet) == "ISO_IR 192")
        #expect(id[.patientName]?.bytes == Array("Müller*".utf8))
        #expect(id.string(.patientName) == "Müller*")
        #expect(id[.patientID]?.vr == .LO)
    }

    @Test("PS3.4 C.4.1.1.3.1 lower levels need the unique keys of every level above, single-valued")
    func hierarchy() throws {
        let image = try QueryKeys.identifier(
            level: .image, model: .patientRoot, keys: ["PatientID=PL1", "StudyInstanceUID=1.2", "SeriesInstanceUID=1.3", "InstanceNumber"])
        #expect(try QueryRequest(identifier: image, model: .patientRoot).matchers(at: .image).count == 2)
        let missing = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .series, model: .patientRoot, keys: ["StudyInstanceUID=1.2"])
        })
        #expect(missing.kind == .missingUniqueKey)
        #expect(missing.field == "PatientID (0010,0020)")
        let listAbove = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .series, model: .studyRoot, keys: ["StudyInstanceUID=1.2\\1.3"])
        })
        #expect(listAbove.kind == .missingUniqueKey)
        #expect(listAbove.detail.contains("single value"))
        // Study Root has no patient level: the same SERIES query needs only the study.
        _ = try QueryKeys.identifier(level: .series, model: .studyRoot, keys: ["StudyInstanceUID=1.2", "SeriesInstanceUID=1.3\\1.4"])
    }

    @Test("PS3.4 C.4.1.1.3.1 keys of lower levels, and non-unique keys of upper levels, are refused")
    func keysOutOfLevel() throws {
        let lower = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["Modality=CT"])
        })
        #expect(lower.kind == .keyNotAtLevel)
        #expect(lower.field == "Modality (0008,0060)")
        #expect(lower.detail.contains("SERIES level"))
        let upper = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .study, model: .patientRoot, keys: ["PatientID=1", "PatientName=Doe"])
        })
        #expect(upper.kind == .keyNotAtLevel)
        #expect(upper.detail.contains("only unique keys"))
        // The same key is a study key in Study Root.
        _ = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["PatientName=Doe"])
    }

    @Test("PS3.4 C.6 Query/Retrieve Level must exist, be known and belong to the model")
    func levelRefused() throws {
        var id = DataSet()
        id.setUID("", for: .studyInstanceUID)
        #expect(refusal { () throws(QueryError) in _ = try QueryRequest(identifier: id, model: .studyRoot) }?.kind == .invalidLevel)
        try id.setString("FRAME", for: .queryRetrieveLevel)
        #expect(refusal { () throws(QueryError) in _ = try QueryRequest(identifier: id, model: .studyRoot) }?.detail.contains("FRAME") == true)
        let patientInStudyRoot = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .patient, model: .studyRoot, keys: [])
        })
        #expect(patientInStudyRoot.kind == .invalidLevel)
        let contradiction = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["QueryRetrieveLevel=SERIES"])
        })
        #expect(contradiction.kind == .invalidLevel)
    }

    @Test("PS3.4 C.4.1.1.3.1 the query level's unique key must be present")
    func uniqueKeyOfLevelRequired() throws {
        var id = DataSet()
        try id.setString("STUDY", for: .queryRetrieveLevel)
        let error = try #require(refusal { () throws(QueryError) in _ = try QueryRequest(identifier: id, model: .studyRoot) })
        #expect(error.kind == .missingUniqueKey)
        #expect(error.field == "StudyInstanceUID (0020,000D)")
    }

    @Test("PS3.4 C.4.1.2.3 keys outside the model's tables are accepted and listed as unsupported when valued")
    func unsupportedKeys() throws {
        let id = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["InstitutionName=X", "Manufacturer", "RetrieveAETitle"])
        let request = try QueryRequest(identifier: id, model: .studyRoot)
        #expect(request.unsupportedKeys == [.institutionName])
    }

    @Test("-k values that cannot be encoded for their VR are refused", arguments: ["Rows=x", "Rows=70000", "OtherPatientIDsSequence=1", "StudyInstanceUID=1.2.é"])
    func valuesRefused(_ key: String) throws {
        let error = try #require(refusal { () throws(QueryError) in
            _ = try QueryKeys.identifier(level: .image, model: .studyRoot, keys: ["StudyInstanceUID=1.2", "SeriesInstanceUID=1.3", key])
        })
        #expect(error.kind == .invalidValue)
    }
}
