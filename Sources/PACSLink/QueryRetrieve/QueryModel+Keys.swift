import DICOMProtocol

/// The keys of each level (PS3.4 §C.6.1.1 and §C.6.2.1): the unique key, the required keys
/// and the optional keys PACSLink's SCP matches and returns. Attributes a level does not list
/// here are answered as unsupported optional keys (see `QueryRequest.unsupportedKeys`).
extension QueryModel {
    /// The keys of `level` in this model; empty for a level the model does not have.
    public func keys(at level: QueryLevel) -> [QueryKey] {
        switch (self, level) {
        case (.patientRoot, .patient): Self.patientKeys
        case (.patientRoot, .study): Self.studyKeys
        case (.studyRoot, .study): Self.studyKeys + Self.patientKeysAtStudyLevel
        case (_, .series): Self.seriesKeys
        case (_, .image): Self.imageKeys
        case (.studyRoot, .patient): []
        }
    }

    /// Patient level (PS3.4 Table C.6-1).
    private static let patientKeys: [QueryKey] = [
        QueryKey(.patientName, .required),
        QueryKey(.patientID, .unique),
    ] + patientOptionalKeys + [
        QueryKey(.numberOfPatientRelatedStudies, .optional),
        QueryKey(.numberOfPatientRelatedSeries, .optional),
        QueryKey(.numberOfPatientRelatedInstances, .optional),
    ]

    private static let patientOptionalKeys: [QueryKey] = [
        QueryKey(.issuerOfPatientID, .optional),
        QueryKey(.otherPatientIDsSequence, .optional),
        QueryKey(.patientBirthDate, .optional),
        QueryKey(.patientBirthTime, .optional),
        QueryKey(.patientSex, .optional),
        QueryKey(.otherPatientNames, .optional),
        QueryKey(.ethnicGroup, .optional),
        QueryKey(.patientComments, .optional),
    ]

    /// Study Root study level: the patient's attributes, Patient's Name and Patient ID
    /// required (PS3.4 Table C.6-5).
    private static let patientKeysAtStudyLevel: [QueryKey] = [
        QueryKey(.patientName, .required),
        QueryKey(.patientID, .required),
    ] + patientOptionalKeys

    /// Study level (PS3.4 Table C.6-2).
    private static let studyKeys: [QueryKey] = [
        QueryKey(.studyDate, .required),
        QueryKey(.studyTime, .required),
        QueryKey(.accessionNumber, .required),
        QueryKey(.studyID, .required),
        QueryKey(.studyInstanceUID, .unique),
        QueryKey(.referringPhysicianName, .optional),
        QueryKey(.studyDescription, .optional),
        QueryKey(.procedureCodeSequence, .optional),
        QueryKey(.nameOfPhysiciansReadingStudy, .optional),
        QueryKey(.admittingDiagnosesDescription, .optional),
        QueryKey(.referencedStudySequence, .optional),
        QueryKey(.referencedPatientSequence, .optional),
        QueryKey(.patientAge, .optional),
        QueryKey(.patientSize, .optional),
        QueryKey(.patientWeight, .optional),
        QueryKey(.occupation, .optional),
        QueryKey(.additionalPatientHistory, .optional),
        QueryKey(.issuerOfAccessionNumberSequence, .optional),
        QueryKey(.numberOfStudyRelatedSeries, .optional),
        QueryKey(.numberOfStudyRelatedInstances, .optional),
        QueryKey(.modalitiesInStudy, .optional),
        QueryKey(.sopClassesInStudy, .optional),
    ]

    /// Series level (PS3.4 Table C.6-3).
    private static let seriesKeys: [QueryKey] = [
        QueryKey(.modality, .required),
        QueryKey(.seriesNumber, .required),
        QueryKey(.seriesInstanceUID, .unique),
        QueryKey(.seriesDescription, .optional),
        QueryKey(.seriesDate, .optional),
        QueryKey(.seriesTime, .optional),
        QueryKey(.bodyPartExamined, .optional),
        QueryKey(.protocolName, .optional),
        QueryKey(.performedProcedureStepStartDate, .optional),
        QueryKey(.performedProcedureStepStartTime, .optional),
        QueryKey(.requestAttributesSequence, .optional),
        QueryKey(.numberOfSeriesRelatedInstances, .optional),
    ]

    /// Composite object instance level (PS3.4 Table C.6-4).
    private static let imageKeys: [QueryKey] = [
        QueryKey(.instanceNumber, .required),
        QueryKey(.sopInstanceUID, .unique),
        QueryKey(.sopClassUID, .optional),
        QueryKey(.contentDate, .optional),
        QueryKey(.contentTime, .optional),
        QueryKey(.acquisitionNumber, .optional),
        QueryKey(.imageType, .optional),
        QueryKey(.rows, .optional),
        QueryKey(.columns, .optional),
        QueryKey(.bitsAllocated, .optional),
        QueryKey(.numberOfFrames, .optional),
    ]
}
