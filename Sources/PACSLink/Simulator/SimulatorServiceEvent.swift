import DICOMProtocol

/// A DIMSE operation a simulated PACS answered, with its final status, for logs and tests.
public enum SimulatorServiceEvent: Sendable, CustomStringConvertible {
    case echo(calling: String)
    case stored(calling: String, sopInstanceUID: String, status: DIMSEStatus)
    case found(calling: String, matches: Int, status: DIMSEStatus)
    case moved(calling: String, destination: String, subOperations: SubOperationCounts, status: DIMSEStatus)
    case got(calling: String, subOperations: SubOperationCounts, status: DIMSEStatus)

    public var description: String {
        switch self {
        case .echo(let calling): "C-ECHO from \(calling)"
        case .stored(let calling, let uid, let status): "C-STORE \(uid) from \(calling): \(status)"
        case .found(let calling, let matches, let status): "C-FIND from \(calling): \(matches) matches, \(status)"
        case .moved(let calling, let destination, let counts, let status):
            "C-MOVE from \(calling) to \(destination): \(Self.text(counts)), \(status)"
        case .got(let calling, let counts, let status): "C-GET from \(calling): \(Self.text(counts)), \(status)"
        }
    }

    private static func text(_ counts: SubOperationCounts) -> String {
        "\(counts.completed ?? 0) completed, \(counts.failed ?? 0) failed, \(counts.warning ?? 0) warning"
    }
}
