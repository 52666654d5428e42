import DICOMProtocol
import Testing

@testable import PACSLink

/// C-FIND responses built from the database at each level of both models (PS3.4 §C.4.1.3.1,
/// §C.6), on `SimulatorFixtures`.
@Suite("QueryRetrieve find")
struct QueryRetrieveFindTests {
    private func uids(_ responses: [DataSet], _ tag: DICOMProtocol.Tag) -> [String] {
        responses.compactMap { $0.string(tag) }
    }

    @Test("PS3.4 C.6.1.1.2 Patient Root PATIENT level: PN wildcards ignore case; counts are computed")
    func patientLevel() throws {
        let responses = try SimulatorFixtures.find(.patient, .patientRoot, ["PatientName=doe*", "NumberOfPatientRelatedStudies", "NumberOfPatientRelatedInstances"])
        #expect(responses.count == 1)
        let doe = try #require(responses.first)
        #expect(doe.string(.patientID) == "P1")
        #expect(doe.string(.patientName) == "Doe^John")
        #expect(doe.string(.queryRetrieveLevel) == "PATIENT")
        #expect(doe.int(.numberOfPatientRelatedStudies) == 2)
        #expect(doe.int(.numberOfPatientRelatedInstances) == 4)
        #expect(doe.count == 5, "exactly the identifier's keys: \(doe.map(\.tag))")
    }

    @Test("PS3.4 C.4.1.1.3.2 responses carry Specific Character Set ISO_IR 192 only when a value needs it; Latin-1 sources are stored as UTF-8")
    func characterSets() throws {
        let all = try SimulatorFixtures.find(.patient, .patientRoot, ["PatientName"])
        #expect(all.map { $0.string(.patientName) } == ["Doe^John", "Müller^Jürgen"])
        #expect(all[0][.specificCharacterSet] == nil)
        #expect(all[1].string(.specificCharacterSet) == "ISO_IR 192")
        let byUnicodeKey = try SimulatorFixtures.find(.patient, .patientRoot, ["PatientName=MÜLLER^JÜRGEN"])
        #expect(uids(byUnicodeKey, .patientID) == ["P2"])
    }

    @Test("PS3.4 C.6.1.1.3 Patient Root STUDY level: date range under one patient, derived study attributes")
    func studyLevelPatientRoot() throws {
        let responses = try SimulatorFixtures.find(
            .study, .patientRoot,
            ["PatientID=P1", "StudyDate=20200101-20201231", "ModalitiesInStudy", "NumberOfStudyRelatedInstances", "NumberOfStudyRelatedSeries", "StudyDescription"])
        #expect(uids(responses, .studyInstanceUID) == ["1.2.1"])
        let study = try #require(responses.first)
        #expect(study.strings(.modalitiesInStudy) == ["CT", "MR"])
        #expect(study.int(.numberOfStudyRelatedInstances) == 3)
        #expect(study.int(.numberOfStudyRelatedSeries) == 2)
        #expect(study.string(.patientID) == "P1")
        #expect(study.string(.studyDescription) == "CT HEAD")
    }

    @Test("PS3.4 C.6.2.1 Study Root STUDY level matches the patient's attributes too; absent values come back empty")
    func studyLevelStudyRoot() throws {
        let byYear = try SimulatorFixtures.find(.study, .studyRoot, ["StudyDate=2020", "PatientName", "StudyDescription"])
        #expect(uids(byYear, .studyInstanceUID) == ["1.2.1", "1.2.3"])
        let byName = try SimulatorFixtures.find(.study, .studyRoot, ["PatientName=M?ller*"])
        #expect(uids(byName, .studyInstanceUID) == ["1.2.3"])
        let open = try SimulatorFixtures.find(.study, .studyRoot, ["StudyDate=20210101-", "StudyDescription", "ReferringPhysicianName", "InstitutionName"])
        let study = try #require(open.first)
        #expect(open.count == 1)
        #expect(study.string(.studyInstanceUID) == "1.2.2")
        #expect(study[.studyDescription]?.bytes == [])
        #expect(study[.referringPhysicianName]?.bytes == [])
        #expect(study[.institutionName]?.bytes == [])
        let accession = try SimulatorFixtures.find(.study, .studyRoot, ["AccessionNumber=A1"])
        #expect(accession.isEmpty, "no study has an accession number, so none matches a value")
    }

    @Test("PS3.4 C.6.2.1 Study Root SERIES level: modality within one study, list of series UIDs")
    func seriesLevel() throws {
        let mr = try SimulatorFixtures.find(.series, .studyRoot, ["StudyInstanceUID=1.2.1", "Modality=MR", "NumberOfSeriesRelatedInstances"])
        #expect(uids(mr, .seriesInstanceUID) == ["1.2.1.2"])
        #expect(mr.first?.int(.numberOfSeriesRelatedInstances) == 1)
        #expect(mr.first?.string(.studyInstanceUID) == "1.2.1")
        let listed = try SimulatorFixtures.find(.series, .studyRoot, ["StudyInstanceUID=1.2.1", "SeriesInstanceUID=1.2.1.1\\1.2.1.2\\1.2.3.1"])
        #expect(uids(listed, .seriesInstanceUID) == ["1.2.1.1", "1.2.1.2"])
    }

    @Test("PS3.4 C.4.1.3.1.1 hierarchical search: an upper unique key that does not contain the entity hides it")
    func hierarchicalPruning() throws {
        let crossed = try SimulatorFixtures.find(.series, .patientRoot, ["PatientID=P1", "StudyInstanceUID=1.2.3"])
        #expect(crossed.isEmpty)
        let right = try SimulatorFixtures.find(.series, .patientRoot, ["PatientID=P2", "StudyInstanceUID=1.2.3", "Modality"])
        #expect(uids(right, .seriesInstanceUID) == ["1.2.3.1"])
        #expect(right.first?.string(.modality) == "MR")
    }

    @Test("PS3.4 C.6.1.1.5 IMAGE level: instances of one series with SOP class and number")
    func imageLevel() throws {
        let images = try SimulatorFixtures.find(
            .image, .studyRoot, ["StudyInstanceUID=1.2.1", "SeriesInstanceUID=1.2.1.1", "SOPClassUID", "InstanceNumber"])
        #expect(uids(images, .sopInstanceUID) == ["1.2.1.1.1", "1.2.1.1.2"])
        #expect(images.allSatisfy { $0.uid(.sopClassUID) == SOPClass.ctImageStorage.uid })
        #expect(images.map { $0.int(.instanceNumber) } == [1, 2])
        let second = try SimulatorFixtures.find(.image, .studyRoot, ["StudyInstanceUID=1.2.1", "SeriesInstanceUID=1.2.1.1", "InstanceNumber=2"])
        #expect(uids(second, .sopInstanceUID) == ["1.2.1.1.2"])
    }

    @Test("PS3.4 C.6 synthetic archives answer at every level with the counts they were built with")
    func syntheticCounts() throws {
        let archive = SyntheticStudies(seed: 7, studies: 3, seriesPerStudy: 2, instancesPerSeries: 4, pixelBytes: 64)
        let database = archive.makeDatabase()
        let studies = database.find(try QueryRequest(identifier: QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["NumberOfStudyRelatedInstances"]), model: .studyRoot))
        #expect(studies.count == 3)
        #expect(studies.allSatisfy { $0.int(.numberOfStudyRelatedInstances) == 8 })
        let patients = database.find(try QueryRequest(identifier: QueryKeys.identifier(level: .patient, model: .patientRoot, keys: ["NumberOfPatientRelatedStudies"]), model: .patientRoot))
        #expect(patients.map { $0.int(.numberOfPatientRelatedStudies) } == [2, 1])
    }
}

/// The C-FIND-RSP sequence the SCP sends (PS3.4 §C.4.1.2, Table C.4-1).
@Suite("QueryRetrieve C-FIND responses")
struct QueryRetrieveCFindResponseTests {
    private let database = try! SimulatorFixtures.database()

    @Test("PS3.4 C.4.1.2 one Pending response per match with its identifier, then Success without one")
    func pendingThenSuccess() throws {
        let request = CFindRQ(messageID: 7, affectedSOPClassUID: SOPClass.studyRootFind.uid)
        let identifier = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: ["StudyDate=2020"])
        let answers = database.responses(to: request, identifier: identifier)
        #expect(answers.map(\.response.status) == [.pending, .pending, .success])
        #expect(answers.map { $0.identifier?.string(.studyInstanceUID) } == ["1.2.1", "1.2.3", nil])
        #expect(answers.allSatisfy { $0.response.messageIDBeingRespondedTo == 7 && $0.response.affectedSOPClassUID == SOPClass.studyRootFind.uid })
        #expect(answers.map(\.response.hasDataSet) == [true, true, false])
    }

    @Test("PS3.4 C.4.1.1.4 optional keys that are not matched give 0xFF01 pending responses")
    func optionalKeysNotSupported() throws {
        let request = CFindRQ(messageID: 1, affectedSOPClassUID: SOPClass.patientRootFind.uid)
        let identifier = try QueryKeys.identifier(level: .patient, model: .patientRoot, keys: ["PatientID=P2", "InstitutionName=X"])
        #expect(database.responses(to: request, identifier: identifier).map(\.response.status) == [.pendingOptionalKeysNotSupported, .success])
    }

    @Test("PS3.4 C.4.1.1.4 an identifier breaking the model's rules gets 0xA900 with an ASCII Error Comment of at most 64 characters")
    func invalidIdentifier() throws {
        let request = CFindRQ(messageID: 2, affectedSOPClassUID: SOPClass.patientRootFind.uid)
        var identifier = DataSet()
        try identifier.setString("SERIES", for: .queryRetrieveLevel)
        identifier.setUID("", for: .seriesInstanceUID)
        let answers = database.responses(to: request, identifier: identifier)
        #expect(answers.count == 1)
        let response = try #require(answers.first?.response)
        #expect(response.status == .dataSetDoesNotMatchSOPClass)
        let comment = try #require(response.errorComment)
        #expect(comment.count <= 64 && comment.unicodeScalars.allSatisfy(\.isASCII))
        #expect(comment.hasPrefix("PatientID (0010,0020)"))
        #expect(try CFindRSP(commandSet: response.commandSet).errorComment == comment)
    }

    @Test("PS3.4 C.4.1 a SOP class other than Patient or Study Root FIND gets 0x0122")
    func wrongSOPClass() throws {
        let identifier = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: [])
        for uid in [SOPClass.studyRootMove.uid, SOPClass.verification.uid, "1.2.3"] {
            let answers = database.responses(to: CFindRQ(messageID: 3, affectedSOPClassUID: uid), identifier: identifier)
            #expect(answers.map(\.response.status) == [.sopClassNotSupported])
        }
    }
}
