import DICOMProtocol

/// A query/retrieve information model (PS3.4 §C.6): Patient Root (§C.6.1: PATIENT, STUDY,
/// SERIES, IMAGE) or Study Root (§C.6.2: STUDY, SERIES, IMAGE, with the patient's attributes
/// kept at the study level). PACSLink queries hierarchically (PS3.4 §C.4.1.1.3.1).
public enum QueryModel: String, CaseIterable, Sendable, CustomStringConvertible {
    case patientRoot = "patient"
    case studyRoot = "study"

    /// The model named as in the CLI's `--model patient|study` (any case).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The model of a C-FIND, C-MOVE or C-GET SOP class, or `nil` for any other SOP class.
    public init?(sopClassUID: String) {
        switch SOPClass.lookup(uid: sopClassUID)?.kind {
        case .find(.patientRoot), .move(.patientRoot), .get(.patientRoot): self = .patientRoot
        case .find(.studyRoot), .move(.studyRoot), .get(.studyRoot): self = .studyRoot
        default: return nil
        }
    }

    /// The levels of the model, top first.
    public var levels: [QueryLevel] {
        switch self {
        case .patientRoot: [.patient, .study, .series, .image]
        case .studyRoot: [.study, .series, .image]
        }
    }

    public var findSOPClass: SOPClass {
        self == .patientRoot ? .patientRootFind : .studyRootFind
    }

    public var moveSOPClass: SOPClass {
        self == .patientRoot ? .patientRootMove : .studyRootMove
    }

    public var getSOPClass: SOPClass {
        self == .patientRoot ? .patientRootGet : .studyRootGet
    }

    /// The levels above `level` in this model, top first.
    public func levels(above level: QueryLevel) -> [QueryLevel] {
        levels.filter { $0 < level }
    }

    /// The level whose keys include `tag` in this model (PS3.4 Tables C.6-1 to C.6-7), or
    /// `nil` when the model does not name it. In Study Root the patient's attributes belong
    /// to the STUDY level.
    public func level(of tag: Tag) -> QueryLevel? {
        levels.first { keys(at: $0).contains { $0.tag == tag } }
    }

    public var description: String {
        self == .patientRoot ? "Patient Root" : "Study Root"
    }
}
