import DICOMProtocol

/// Whom an acceptor talks to (PS3.8 §9.3.4 gives the reasons to say no): the called AE title
/// must be one of ours unless promiscuous (else "called AE title not recognized", 1/1/7), and
/// optional allow-lists of calling AE titles and peer hosts (else "calling AE title not
/// recognized", 1/1/3).
public struct AcceptancePolicy: Sendable, Hashable {
    public var aeTitles: Set<AETitle>
    /// Accept any called AE title.
    public var promiscuous: Bool
    /// Calling AE titles allowed in; `nil`: any.
    public var allowedCallingAETitles: Set<AETitle>?
    /// Peer IP addresses allowed in (as text, e.g. "127.0.0.1", "::1"); `nil`: any.
    public var allowedHosts: Set<String>?

    public init(
        aeTitles: Set<AETitle>, promiscuous: Bool = false, allowedCallingAETitles: Set<AETitle>? = nil,
        allowedHosts: Set<String>? = nil
    ) {
        self.aeTitles = aeTitles
        self.promiscuous = promiscuous
        self.allowedCallingAETitles = allowedCallingAETitles
        self.allowedHosts = allowedHosts
    }

    /// The rejection for `rq` from `peerHost`, or `nil` to go on.
    public func rejection(of rq: AssociateRQ, peerHost: String) -> AssociateRJ? {
        if !promiscuous && !aeTitles.contains(rq.calledAETitle) {
            return AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized))
        }
        if let allowed = allowedCallingAETitles, !allowed.contains(rq.callingAETitle) {
            return AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.callingAETitleNotRecognized))
        }
        if let allowed = allowedHosts, !allowed.contains(peerHost) {
            return AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.callingAETitleNotRecognized))
        }
        return nil
    }

    /// The host part of a peer string "1.2.3.4:104" or "[::1]:104"; an IPv4-mapped IPv6
    /// address (a dual-stack listener's IPv4 peer, "[::ffff:1.2.3.4]") as plain IPv4.
    public static func host(ofPeer peer: String) -> String {
        guard let colon = peer.lastIndex(of: ":") else { return peer }
        var host = peer[..<colon]
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        let mapped = "::ffff:"
        if host.lowercased().hasPrefix(mapped) && host.contains(".") { host = host.dropFirst(mapped.count) }
        return String(host)
    }
}
