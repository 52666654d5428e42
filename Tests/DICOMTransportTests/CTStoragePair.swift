import DICOMProtocol
@testable import DICOMTransport

/// An acceptor and a requestor over loopback, both on `group`, negotiating CT Image Storage in
/// Implicit VR Little Endian (PS3.8 §9.3.2–9.3.3): the set-up the storage transport tests share.
enum CTStoragePair {
    static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"

    /// The acceptor performs up to `performing` operations at once; the requestor proposes
    /// `proposed` outstanding requests (`nil`: no Asynchronous Operations Window item, PS3.7
    /// §D.3.3.3). Each association on the acceptor is served by `handler`.
    static func associate(
        group: EventLoopGroup, handler: any DIMSEServiceHandler, performing: UInt16 = 1, proposed: UInt16? = nil,
        timeout: Duration = .seconds(10)
    ) async throws -> (MultiplexedAcceptor, Association) {
        let policy = AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: [ctImageStorage: [EchoHandler.implicitLE]]),
            implementationClassUID: "1.2.3", maximumOperationsPerformed: performing)
        let acceptor = MultiplexedAcceptor(
            MultiplexedAcceptor.Configuration(
                addresses: [.init(host: "127.0.0.1", port: 0)], policy: AcceptancePolicy(aeTitles: [AETitle("SCP")]),
                timeouts: .uniform(timeout), route: { _, _ in (policy, handler) }),
            group: group)
        let port = try await acceptor.start()[0].port
        let association = try await Association.request(
            AssociationRequest(
                host: "127.0.0.1", port: port, calledAETitle: AETitle("SCP"), callingAETitle: AETitle("SCU"),
                presentationContexts: AssociationRequest.contexts(abstractSyntaxes: [ctImageStorage], transferSyntaxes: [EchoHandler.implicitLE]),
                timeouts: .uniform(timeout),
                asynchronousOperationsWindow: proposed.map {
                    AsynchronousOperationsWindow(maximumNumberOperationsInvoked: $0, maximumNumberOperationsPerformed: 1)
                }),
            on: group.loops[1])
        return (acceptor, association)
    }
}
