import DICOMProtocol
import DICOMTransport
import PACSLink

/// A peer played in-process by our own acceptor: listening on 127.0.0.1 (a port the kernel
/// chose) as `aeTitle`, every association routed by `route`; started. Returns it and a target
/// for our SCUs with the same `timeout`. The caller stops it.
func startLoopbackAcceptor(
    aeTitle: String, timeout: Duration, group: EventLoopGroup,
    route: @escaping @Sendable (AssociateRQ, String) -> (AcceptorPolicy, any DIMSEServiceHandler)?
) async throws -> (acceptor: MultiplexedAcceptor, target: EchoTarget) {
    let acceptor = MultiplexedAcceptor(
        MultiplexedAcceptor.Configuration(
            addresses: [.init(host: "127.0.0.1", port: 0)], policy: AcceptancePolicy(aeTitles: [AETitle(aeTitle)]),
            timeouts: .uniform(timeout), route: route),
        group: group)
    let port = try await acceptor.start()[0].port
    return (acceptor, EchoTarget(host: "127.0.0.1", port: port, calledAETitle: aeTitle, timeout: timeout))
}
