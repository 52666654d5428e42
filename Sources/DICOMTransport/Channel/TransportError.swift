import CLibUV

/// The transport layer's one error type: what failed, in which phase, against which peer, with
/// the system's or OpenSSL's own words.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in a connection's life the failure happened.
    public enum Phase: String, Sendable {
        case resolve, connect, listen, read, write, tlsHandshake = "TLS handshake", tls = "TLS"
    }

    /// The failure classes callers act on (a batch echo reports them per server).
    public enum Kind: Sendable, Equatable {
        case nameNotResolved
        case connectionRefused
        case timedOut
        case connectionReset
        case unreachable
        case addressInUse
        case invalidAddress
        /// The loop shut down, or the owner closed the channel, before the operation finished.
        case cancelled
        /// The peer's certificate chain did not verify (unknown CA, self-signed, expired, …).
        case certificateNotTrusted
        /// The peer's certificate is valid but not for the host we asked for.
        case hostnameMismatch
        /// The peer did not speak TLS (e.g. a TLS client on a plain port) or broke the protocol.
        case tlsProtocol
        /// The peer rejected us with a TLS alert (e.g. it requires a client certificate).
        case tlsAlertReceived
        /// Our own TLS configuration is unusable (unreadable certificate, key mismatch, …).
        case tlsConfiguration
        case other
    }

    public var phase: Phase
    public var kind: Kind
    /// "host:port" or the listening address, when known.
    public var peer: String?
    /// The libuv status, when the failure came from libuv.
    public var status: LibUVStatus?
    /// The system's or OpenSSL's text, e.g. "connection refused" or
    /// "certificate verify failed (unable to get local issuer certificate)".
    public var detail: String

    public init(
        phase: Phase, kind: Kind, peer: String? = nil, status: LibUVStatus? = nil, detail: String
    ) {
        self.phase = phase
        self.kind = kind
        self.peer = peer
        self.status = status
        self.detail = detail
    }

    /// Classifies a libuv status.
    public init(phase: Phase, status: LibUVStatus, peer: String? = nil) {
        self.init(phase: phase, kind: Self.kind(of: status), peer: peer, status: status,
                  detail: status.text)
    }

    public var description: String {
        let target = peer.map { " \($0)" } ?? ""
        return "\(phase.rawValue)\(target) failed: \(detail)"
    }

    private static func kind(of status: LibUVStatus) -> Kind {
        switch status {
        case .connectionRefused: .connectionRefused
        case .timedOut: .timedOut
        case .connectionReset, .brokenPipe: .connectionReset
        case .hostUnreachable, .networkUnreachable: .unreachable
        case .addressInUse: .addressInUse
        case .canceled: .cancelled
        case .invalidArgument: .invalidAddress
        case LibUVStatus(UV_EAI_NONAME.rawValue), LibUVStatus(UV_EAI_NODATA.rawValue),
            LibUVStatus(UV_EAI_AGAIN.rawValue), LibUVStatus(UV_EAI_FAIL.rawValue):
            .nameNotResolved
        default: .other
        }
    }
}
