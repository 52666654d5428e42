import DICOMProtocol

/// The attributes of the synthetic archive's entities: Patient, General Study, General
/// Series, General Equipment, General Image, CT Image or SC Equipment and Image Pixel modules
/// (PS3.3 §C.7, §C.8.2, §C.8.6) with plausible values, drawn from one `SeededGenerator` per
/// entity so that each depends only on the seed and its indices.
extension SyntheticStudies {
    func patientAttributes(_ patient: Int) -> DataSet {
        var rng = SeededGenerator(seed: seed, path: [1, patient])
        // Names may be non-ASCII (Müller, María): every data set is UTF-8.
        var ds = DataSet([StudyDatabase.utf8CharacterSet])
        set(&ds, .patientName, "\(Self.familyNames.randomElement(using: &rng)!)^\(Self.givenNames.randomElement(using: &rng)!)")
        set(&ds, .patientID, "PL" + Self.digits(patient + 1, width: 6))
        set(&ds, .patientBirthDate, Self.date(years: 1940...2010, using: &rng))
        set(&ds, .patientSex, ["M", "F", "O"].randomElement(using: &rng)!)
        return ds
    }

    func studyAttributes(_ study: Int) -> DataSet {
        var rng = SeededGenerator(seed: seed, path: [2, study])
        var ds = patientAttributes(study / 2)
        ds.setUID(UID.generate(using: &rng), for: .studyInstanceUID)
        set(&ds, .studyDate, Self.date(years: 2015...2025, using: &rng))
        set(&ds, .studyTime, Self.time(using: &rng))
        set(&ds, .accessionNumber, "A" + Self.digits(Int.random(in: 0..<100_000_000, using: &rng), width: 8))
        set(&ds, .studyID, String(study + 1))
        set(&ds, .studyDescription, Self.studyDescriptions.randomElement(using: &rng)!)
        set(&ds, .referringPhysicianName, Self.physicians.randomElement(using: &rng)!)
        return ds
    }

    func seriesAttributes(_ study: Int, _ series: Int) -> DataSet {
        var rng = SeededGenerator(seed: seed, path: [3, study, series])
        var ds = studyAttributes(study)
        let modality = (study + series) % 3 == 2 ? "OT" : "CT"
        ds.setUID(UID.generate(using: &rng), for: .seriesInstanceUID)
        set(&ds, .modality, modality)
        set(&ds, .seriesNumber, String(series + 1))
        set(&ds, .seriesDescription, modality == "CT" ? Self.ctSeries.randomElement(using: &rng)! : "Screen capture")
        set(&ds, .seriesDate, ds.string(.studyDate)!)
        set(&ds, .seriesTime, ds.string(.studyTime)!)
        set(&ds, .bodyPartExamined, ["CHEST", "HEAD", "ABDOMEN", "PELVIS"].randomElement(using: &rng)!)
        if modality == "CT" {
            ds.setUID(UID.generate(using: &rng), for: .frameOfReferenceUID)
            set(&ds, .patientPosition, "HFS")
        }
        set(&ds, .manufacturer, "PACSLink")
        set(&ds, .institutionName, "PACSLink Simulated Hospital")
        return ds
    }

    /// The instance's attributes added to `series`, which is `seriesAttributes(study, series)`
    /// (passed in so that a whole series is built once).
    func instanceAttributes(_ study: Int, _ series: Int, _ instance: Int, rows: Int, columns: Int, extending base: DataSet) -> DataSet {
        var rng = SeededGenerator(seed: seed, path: [4, study, series, instance])
        var ds = base
        let isCT = ds.string(.modality) == "CT"
        ds.setUID((isCT ? SOPClass.ctImageStorage : .secondaryCaptureImageStorage).uid, for: .sopClassUID)
        ds.setUID(UID.generate(using: &rng), for: .sopInstanceUID)
        set(&ds, .instanceNumber, String(instance + 1))
        set(&ds, .contentDate, ds.string(.studyDate)!)
        set(&ds, .contentTime, ds.string(.studyTime)!)
        set(&ds, .acquisitionNumber, "1")
        if isCT {
            set(&ds, .imageType, "ORIGINAL\\PRIMARY\\AXIAL")
            set(&ds, .sliceThickness, "1")
            set(&ds, .imagePositionPatient, "0\\0\\\(instance)")
            set(&ds, .imageOrientationPatient, "1\\0\\0\\0\\1\\0")
            set(&ds, .pixelSpacing, "0.5\\0.5")
            set(&ds, .rescaleIntercept, "-1024")
            set(&ds, .rescaleSlope, "1")
            set(&ds, Self.kvp, "120", vr: .DS)
        } else {
            set(&ds, .imageType, "DERIVED\\SECONDARY")
            set(&ds, .conversionType, "WSD")
        }
        ds.setUInt16(1, for: .samplesPerPixel)
        set(&ds, .photometricInterpretation, "MONOCHROME2")
        ds.setUInt16(UInt16(rows), for: .rows)
        ds.setUInt16(UInt16(columns), for: .columns)
        ds.setUInt16(16, for: .bitsAllocated)
        ds.setUInt16(12, for: .bitsStored)
        ds.setUInt16(11, for: .highBit)
        ds.setUInt16(0, for: .pixelRepresentation)
        return ds
    }

    /// KVP (0018,0060), DS: not in PACSLink's dictionary subset.
    private static let kvp = Tag(0x0018, 0x0060)

    /// Sets a value the generator built; all are valid for their VR in ISO_IR 192.
    private func set(_ ds: inout DataSet, _ tag: Tag, _ value: String, vr: VR? = nil) {
        try! ds.setString(value, for: tag, vr: vr)
    }

    private static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func date(years: ClosedRange<Int>, using rng: inout SeededGenerator) -> String {
        digits(Int.random(in: years, using: &rng), width: 4) + digits(Int.random(in: 1...12, using: &rng), width: 2)
            + digits(Int.random(in: 1...28, using: &rng), width: 2)
    }

    private static func time(using rng: inout SeededGenerator) -> String {
        digits(Int.random(in: 7...19, using: &rng), width: 2) + digits(Int.random(in: 0...59, using: &rng), width: 2)
            + digits(Int.random(in: 0...59, using: &rng), width: 2)
    }

    private static let familyNames = [
        "Smith", "Garcia", "Müller", "Nguyen", "Kowalski", "Okafor", "Johansson", "Rossi", "Dubois", "Tanaka",
    ]
    private static let givenNames = ["Anna", "John", "María", "Wei", "Olivia", "Lucas", "Amara", "Noah", "Sofia", "Jürgen"]
    private static let physicians = ["House^Gregory", "Grey^Meredith", "Quinn^Michaela", "Zhivago^Yuri"]
    private static let studyDescriptions = [
        "CT CHEST WITHOUT CONTRAST", "CT HEAD", "CT ABDOMEN PELVIS WITH CONTRAST", "CT ANGIOGRAPHY CHEST", "TRAUMA SERIES",
    ]
    private static let ctSeries = ["Axial 1.0 mm", "Axial 5.0 mm", "Coronal MPR", "Sagittal MPR", "Scout"]
}
