import DICOMProtocol
import DICOMTransport

/// The outcome of one C-ECHO: how long each phase took and, on failure, what failed where.
public struct EchoResult: Sendable {
    public var target: EchoTarget
    /// Durations of the phases reached: resolve, connect, TLS (nil on plain TCP), associate,
    /// echo (C-ECHO-RQ to RSP; with several echoes per association, their mean, minimum and
    /// maximum), release.
    public var timings: Timings
    /// The C-ECHO-RSP status, when one arrived.
    public var status: DIMSEStatus?
    public var failure: EchoFailure?

    public var succeeded: Bool { failure == nil }

    public struct Timings: Sendable, Hashable {
        public var resolve: Duration?
        public var connect: Duration?
        public var tls: Duration?
        public var associate: Duration?
        /// The mean C-ECHO round trip.
        public var echo: Duration?
        public var echoMinimum: Duration?
        public var echoMaximum: Duration?
        /// C-ECHO-RSPs received.
        public var echoes = 0
        public var release: Duration?
        public var total: Duration = .zero

        init(_ association: AssociationTimings) {
            resolve = association.resolve
            connect = association.connect
            tls = association.tls
            associate = association.associate
        }

        /// Records the round trips of the C-ECHOes of one association.
        mutating func record(echoes times: [Duration]) {
            echoes = times.count
            guard !times.isEmpty else { return }
            echo = times.reduce(.zero, +) / times.count
            echoMinimum = times.min()
            echoMaximum = times.max()
        }
    }
}

/// Why a C-ECHO failed, in classes a batch report can count, with the phase and a sentence.
public struct EchoFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Class: String, Sendable, Hashable, CaseIterable {
        case nameNotResolved = "name not resolved"
        case connectionRefused = "connection refused"
        case unreachable = "unreachable"
        case timeout = "timeout"
        case tls = "TLS failure"
        case rejected = "association rejected"
        case aborted = "aborted"
        case noVerificationContext = "verification not accepted"
        /// The peer accepted no presentation context for the SOP class of a store, find or move.
        case noAcceptedContext = "SOP class not accepted"
        case badStatus = "bad status"
        case invalidValue = "invalid value"
        case other = "failed"
    }

    public var failureClass: Class
    /// resolve, connect, TLS, associate, echo, release.
    public var phase: String
    public var message: String
    /// The peer's A-ASSOCIATE-RJ, when it rejected the association (PS3.8 §9.3.4).
    public var rejection: AssociateRJ?

    public init(_ failureClass: Class, phase: String, message: String) {
        self.failureClass = failureClass
        self.phase = phase
        self.message = message
    }

    /// "timeout in associate: no answer within 2.0 seconds while waiting for the A-ASSOCIATE-AC".
    public var description: String { "\(failureClass.rawValue) in \(phase): \(message)" }

    init(_ error: AssociationError) {
        let phase = error.phase == .dimse ? "echo" : error.phase.rawValue
        let failureClass: Class = switch error.kind {
        case .transport(.nameNotResolved): .nameNotResolved
        case .transport(.connectionRefused): .connectionRefused
        case .transport(.unreachable): .unreachable
        case .transport(.timedOut), .timedOut: .timeout
        case .transport(.certificateNotTrusted), .transport(.hostnameMismatch), .transport(.tlsProtocol),
            .transport(.tlsAlertReceived), .transport(.tlsConfiguration):
            .tls
        case .transport: .other
        case .rejected: .rejected
        case .aborted, .providerAborted, .cancelled: .aborted
        case .noAcceptedContext(let syntax): syntax == SOPClass.verification.uid ? .noVerificationContext : .noAcceptedContext
        case .notPermitted: .other
        }
        self.init(failureClass, phase: phase, message: error.detail)
        if case .rejected(let rj) = error.kind { rejection = rj }
    }
}
