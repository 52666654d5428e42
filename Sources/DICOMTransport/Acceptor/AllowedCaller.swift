import DICOMProtocol

/// One entry of an acceptor's allow-list: a calling AE title and the peer addresses it may
/// associate from. The title and the address are checked as a pair, so a registered AE title
/// used from another machine's address is refused (PS3.8 §9.3.4: "calling AE title not
/// recognized").
public struct AllowedCaller: Sendable, Hashable {
    public var aeTitle: AETitle
    /// IP addresses as text ("127.0.0.1", "::1"); `nil`: any address (an AE title allowed
    /// without a host, e.g. `allowed_callers`). An empty set allows nobody.
    public var hosts: Set<String>?

    public init(aeTitle: AETitle, hosts: Set<String>? = nil) {
        self.aeTitle = aeTitle
        self.hosts = hosts
    }

    /// Whether `calling` from `host` is this caller.
    public func admits(calling: AETitle, from host: String) -> Bool {
        calling == aeTitle && (hosts?.contains(host) ?? true)
    }
}
