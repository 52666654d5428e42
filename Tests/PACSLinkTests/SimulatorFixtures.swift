import DICOMProtocol

@testable import PACSLink

/// A small archive with known values for the query and retrieve tests:
///
///     P1 Doe^John                       P2 Müller^Jürgen (stored from ISO_IR 100 text)
///       1.2.1  20200115 CT HEAD           1.2.3  20200301 MR BRAIN
///         1.2.1.1 CT #1: 1.2.1.1.1, .2      1.2.3.1 MR #1: 1.2.3.1.1
///         1.2.1.2 MR #2: 1.2.1.2.1
///       1.2.2  20210610 (no description)
///         1.2.2.1 CT #1: 1.2.2.1.1
enum SimulatorFixtures {
    struct Row {
        var patient: (id: String, name: String)
        var study: (uid: String, date: String, description: String?)
        var series: (uid: String, modality: String, number: String)
        var instance: String
        var latin1 = false
    }

    static let rows: [Row] = [
        Row(patient: ("P1", "Doe^John"), study: ("1.2.1", "20200115", "CT HEAD"), series: ("1.2.1.1", "CT", "1"), instance: "1.2.1.1.1"),
        Row(patient: ("P1", "Doe^John"), study: ("1.2.1", "20200115", "CT HEAD"), series: ("1.2.1.1", "CT", "1"), instance: "1.2.1.1.2"),
        Row(patient: ("P1", "Doe^John"), study: ("1.2.1", "20200115", "CT HEAD"), series: ("1.2.1.2", "MR", "2"), instance: "1.2.1.2.1"),
        Row(patient: ("P1", "Doe^John"), study: ("1.2.2", "20210610", nil), series: ("1.2.2.1", "CT", "1"), instance: "1.2.2.1.1"),
        Row(
            patient: ("P2", "Müller^Jürgen"), study: ("1.2.3", "20200301", "MR BRAIN"), series: ("1.2.3.1", "MR", "1"),
            instance: "1.2.3.1.1", latin1: true),
    ]

    static func dataSet(_ row: Row) throws -> DataSet {
        var ds = DataSet()
        if row.latin1 { try ds.setString("ISO_IR 100", for: .specificCharacterSet) }
        try ds.setString(row.patient.name, for: .patientName)
        try ds.setString(row.patient.id, for: .patientID)
        try ds.setString("19700101", for: .patientBirthDate)
        ds.setUID(row.study.uid, for: .studyInstanceUID)
        try ds.setString(row.study.date, for: .studyDate)
        try ds.setString("101500", for: .studyTime)
        if let description = row.study.description { try ds.setString(description, for: .studyDescription) }
        ds.setUID(row.series.uid, for: .seriesInstanceUID)
        try ds.setString(row.series.modality, for: .modality)
        try ds.setString(row.series.number, for: .seriesNumber)
        ds.setUID(row.series.modality == "CT" ? SOPClass.ctImageStorage.uid : SOPClass.mrImageStorage.uid, for: .sopClassUID)
        ds.setUID(row.instance, for: .sopInstanceUID)
        try ds.setString(String(row.instance.split(separator: ".").last!), for: .instanceNumber)
        return ds
    }

    static func database() throws -> StudyDatabase {
        var database = StudyDatabase()
        for row in rows {
            try database.add(dataSet(row), source: .file(path: "/archive/\(row.instance).dcm", transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid))
        }
        return database
    }

    static func find(_ level: QueryLevel, _ model: QueryModel, _ keys: [String]) throws -> [DataSet] {
        try database().find(QueryRequest(identifier: QueryKeys.identifier(level: level, model: model, keys: keys), model: model))
    }
}
