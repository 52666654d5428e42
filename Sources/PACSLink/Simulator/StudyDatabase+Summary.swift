import DICOMProtocol

/// What a simulator tells its user it serves (`pacslink simulate` prints it).
extension StudyDatabase {
    /// One study: its UID, patient, description and counts.
    public struct StudySummary: Sendable, Equatable {
        public var studyInstanceUID: String
        public var patientID: String
        public var patientName: String
        public var studyDescription: String
        public var series: Int
        public var instances: Int
    }

    /// Every study, in the order studies were added (a study-level C-FIND for all of them).
    public var studySummaries: [StudySummary] {
        let keys = ["StudyInstanceUID", "PatientID", "PatientName", "StudyDescription", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances"]
        // These keys are all in the Study Root model: the request is always valid.
        let request = try! QueryRequest(identifier: QueryKeys.identifier(level: .study, model: .studyRoot, keys: keys), model: .studyRoot)
        return find(request).map { study in
            StudySummary(
                studyInstanceUID: study.uid(.studyInstanceUID) ?? "", patientID: study.string(.patientID) ?? "",
                patientName: study.string(.patientName) ?? "", studyDescription: study.string(.studyDescription) ?? "",
                series: study.int(.numberOfStudyRelatedSeries) ?? 0, instances: study.int(.numberOfStudyRelatedInstances) ?? 0)
        }
    }
}
