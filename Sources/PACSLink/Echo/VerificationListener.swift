import DICOMProtocol
import DICOMTransport

/// What `pacslink listen` runs: a `MultiplexedAcceptor` on every given port serving the
/// Verification SOP Class as `aeTitle` (any called AE title when `open`), optionally only for
/// the allowed calling AE titles. Throws `ProtocolError` for an invalid AE title,
/// `TransportError` for an unusable TLS configuration.
public enum VerificationListener {
    /// Something a listener reports: an acceptor event, or a C-ECHO it answered.
    public enum Event: Sendable {
        case acceptor(AcceptorEvent)
        case echo(peer: String)
    }

    /// `tlsPorts` handshake TLS with `tls` (a server configuration) before the association.
    public static func make(
        ports: [UInt16], tlsPorts: [UInt16] = [], tls: TLSConfiguration? = nil, aeTitle: String, open: Bool, allowedCallers: [String] = [], maximumAssociations: Int = 64,
        timeouts: AssociationTimeouts = AssociationTimeouts(), group: EventLoopGroup,
        onEvent: @escaping @Sendable (Event) -> Void
    ) throws -> MultiplexedAcceptor {
        let context = try tls.map { configuration throws(TransportError) in try TLSContext(configuration) }
        let ours = try AETitle(validating: aeTitle, field: "AE title")
        let callers = try allowedCallers.map { title throws(ProtocolError) in try AETitle(validating: title, field: "allowed caller") }
        let scp = VerificationSCP { peer in onEvent(.echo(peer: peer)) }
        let configuration = MultiplexedAcceptor.Configuration(
            addresses: ports.map { MultiplexedAcceptor.ListenAddress(port: $0) }
                + tlsPorts.map { MultiplexedAcceptor.ListenAddress(port: $0, tls: context) },
            policy: AcceptancePolicy(
                aeTitles: [ours], promiscuous: open,
                allowedCallers: callers.isEmpty ? nil : callers.map { AllowedCaller(aeTitle: $0) }),
            maximumAssociations: maximumAssociations, timeouts: timeouts,
            route: { _, _ in (VerificationSCP.policy, scp) })
        return MultiplexedAcceptor(configuration, group: group) { onEvent(.acceptor($0)) }
    }
}
