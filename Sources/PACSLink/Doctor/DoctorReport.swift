import DICOMProtocol

/// The diagnosis of one server: every step in order.
public struct DoctorReport: Sendable {
    /// The registry name of the server.
    public var server: String
    /// "QRSCP at pacs.example.org:104".
    public var target: String
    /// Our AE title (calling AE and move destination) and listen port.
    public var ourAETitle: String
    public var listenPort: UInt16
    public var steps: [DoctorStep]

    /// True when any step failed: `pacslink doctor` then exits 1.
    public var failed: Bool { steps.contains { $0.verdict == .failed } }

    public func step(_ kind: DoctorStep.Kind) -> DoctorStep? { steps.first { $0.kind == kind } }

    public var json: JSONValue {
        .object([
            ("server", .string(server)), ("target", .string(target)), ("our_ae_title", .string(ourAETitle)),
            ("listen_port", .number(String(listenPort))), ("failed", .bool(failed)),
            ("steps", .array(steps.map(\.json))),
        ])
    }
}
