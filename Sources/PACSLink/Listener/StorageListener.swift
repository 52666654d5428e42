import DICOMProtocol
import DICOMTransport

/// A `MultiplexedAcceptor` serving the Storage SCP (and Verification) as `aeTitle`: what
/// receives C-MOVE sub-operations for `pacslink retrieve` and unsolicited stores for
/// `pacslink listen`. Each association gets a `StorageSCP` that routes its stores through
/// `coordinator`; `preferredTransferSyntax` names, per calling AE title, the server's
/// preferred compression, accepted first when the PACS proposes it. `allowedCallers`, when
/// given, limits who may associate: calling AE title and peer address as a pair (PS3.8 §9.3.4:
/// rejected "calling AE title not recognized"). `discard` answers every C-STORE with success
/// without storing it (`StorageSCP.discard`: for benchmarks only). `operationsWindow` is
/// how many C-STOREs one association may have in progress at once when its requestor proposes
/// an Asynchronous Operations Window (PS3.7 §D.3.3.3; each answered as it completes); 1 =
/// synchronous. `maximumAssociations` caps the associations at once,
/// `maximumAssociationsPerHost` those from one peer address.
public enum StorageListener {
    public static func make(
        addresses: [MultiplexedAcceptor.ListenAddress], aeTitle: String, open: Bool = false,
        allowedCallers: [AllowedCaller]? = nil, store: InstanceStore, coordinator: RetrieveCoordinator,
        preferredTransferSyntax: @escaping @Sendable (_ callingAETitle: String) -> String? = { _ in nil },
        discard: Bool = false, operationsWindow: UInt16 = StorageSCP.operationsWindow, maximumAssociations: Int = 64,
        maximumAssociationsPerHost: Int? = nil, timeouts: AssociationTimeouts = AssociationTimeouts(), group: EventLoopGroup,
        onEcho: @escaping @Sendable (_ peer: String) -> Void = { _ in },
        onEvent: @escaping @Sendable (AcceptorEvent) -> Void = { _ in }
    ) throws(ProtocolError) -> MultiplexedAcceptor {
        let ours = try AETitle(validating: aeTitle, field: "AE title")
        let configuration = MultiplexedAcceptor.Configuration(
            addresses: addresses,
            policy: AcceptancePolicy(
                aeTitles: [ours], promiscuous: open, allowedCallers: allowedCallers),
            maximumAssociations: maximumAssociations, maximumAssociationsPerHost: maximumAssociationsPerHost, timeouts: timeouts,
            route: { rq, peer in
                let calling = rq.callingAETitle.value
                let scp = StorageSCP(
                    store: store, coordinator: coordinator, callingAETitle: calling, peerAddress: AcceptancePolicy.host(ofPeer: peer),
                    discard: discard, onEcho: onEcho)
                var policy = StorageSCP.policy(preferring: preferredTransferSyntax(calling))
                policy.maximumOperationsPerformed = operationsWindow
                return (policy, scp)
            })
        return MultiplexedAcceptor(configuration, group: group, onEvent: onEvent)
    }
}
