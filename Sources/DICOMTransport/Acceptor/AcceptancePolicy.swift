import DICOMProtocol

/// Whom an acceptor talks to (PS3.8 §9.3.4 gives the reasons to say no): the called AE title
/// must be one of ours unless promiscuous (else "called AE title not recognized", 1/1/7), and
/// with an allow-list the calling AE title and the peer's address must match one entry as a
/// pair (else "calling AE title not recognized", 1/1/3).
public struct AcceptancePolicy: Sendable, Hashable {
    public var aeTitles: Set<AETitle>
    /// Accept any called AE title.
    public var promiscuous: Bool
    /// Who may associate: the calling AE title and peer address must match one entry; `nil`:
    /// anyone.
    public var allowedCallers: [AllowedCaller]?

    public init(aeTitles: Set<AETitle>, promiscuous: Bool = false, allowedCallers: [AllowedCaller]? = nil) {
        self.aeTitles = aeTitles
        self.promiscuous = promiscuous
        self.allowedCallers = allowedCallers
    }

    /// The rejection for `rq` from `peerHost` (an IP address as text, see `host(ofPeer:)`), or
    /// `nil` to go on.
    public func rejection(of rq: AssociateRQ, peerHost: String) -> AssociateRJ? {
        if !promiscuous && !aeTitles.contains(rq.calledAETitle) {
            return AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized))
        }
        if let allowed = allowedCallers, !allowed.contains(where: { $0.admits(calling: rq.callingAETitle, from: peerHost) }) {
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
