import DICOMProtocol

/// One step of the diagnosis: what was checked, how long it took, the verdict, what was found,
/// and — when not ok — one sentence saying what to do and whom to ask.
public struct DoctorStep: Sendable {
    /// The steps, in the order they run.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case resolve, connect, tls, associate, echo, find, listener, registration
        case retrieveTest = "retrieve_test"

        /// The step's name in the human table.
        public var title: String {
            switch self {
            case .resolve: "name resolution"
            case .connect: "TCP connect"
            case .tls: "TLS"
            case .associate: "association"
            case .echo: "C-ECHO"
            case .find: "C-FIND"
            case .listener: "our listener"
            case .registration: "registration probe"
            case .retrieveTest: "retrieve test"
            }
        }
    }

    public var kind: Kind
    public var verdict: DoctorVerdict
    /// Nil for a skipped step.
    public var duration: Duration?
    /// What was found, in one line.
    public var finding: String
    /// What to do and whom to ask; nil when the verdict is ok or skipped.
    public var advice: String?
    /// Everything the step learned, for `--json`.
    public var data: [(String, JSONValue)]

    public init(
        _ kind: Kind, _ verdict: DoctorVerdict, duration: Duration?, finding: String, advice: String? = nil,
        data: [(String, JSONValue)] = []
    ) {
        self.kind = kind
        self.verdict = verdict
        self.duration = duration
        self.finding = finding
        self.advice = advice
        self.data = data
    }

    static func skipped(_ kind: Kind, _ reason: String) -> DoctorStep {
        DoctorStep(kind, .skipped, duration: nil, finding: reason)
    }

    /// The step as one JSON object: kind, title, verdict, milliseconds, finding, advice, data.
    public var json: JSONValue {
        .object([
            ("step", .string(kind.rawValue)), ("title", .string(kind.title)), ("verdict", .string(verdict.rawValue)),
            ("milliseconds", duration.map { .number(Self.milliseconds($0)) } ?? .null),
            ("finding", .string(finding)), ("advice", advice.map { .string($0) } ?? .null),
            ("data", .object(data)),
        ])
    }

    /// Milliseconds with one decimal, e.g. "12.3".
    public static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
