import Foundation
import DICOMProtocol

/// A value of Query/Retrieve Level (0008,0052) (PS3.4 §C.6.1.1.1, §C.6.2.1.1): the level of
/// the hierarchy a C-FIND, C-MOVE or C-GET identifier addresses. Levels order from the top
/// (PATIENT) to the bottom (IMAGE).
public enum QueryLevel: String, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case patient = "PATIENT"
    case study = "STUDY"
    case series = "SERIES"
    case image = "IMAGE"

    /// The level spelt as in (0008,0052) or as the CLI's `--level` (any case).
    public init?(name: String) {
        self.init(rawValue: name.trimmingCharacters(in: [" "]).uppercased())
    }

    /// The level's unique key (PS3.4 §C.6.1.1.2–§C.6.1.1.5): Patient ID, Study Instance UID,
    /// Series Instance UID or SOP Instance UID.
    public var uniqueKey: Tag {
        switch self {
        case .patient: .patientID
        case .study: .studyInstanceUID
        case .series: .seriesInstanceUID
        case .image: .sopInstanceUID
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: QueryLevel, rhs: QueryLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
