/// How long each phase of opening a connection took, for the per-server timings a batch echo
/// reports (resolve, connect, TLS; the association phases are measured above this layer).
public struct ConnectionTimings: Sendable, Equatable {
    /// Name resolution; nil when the host was an IP address or addresses were given.
    public var resolve: Duration?
    /// From the first connect attempt to the established connection.
    public var connect: Duration?
    /// The TLS handshake; nil on a plain connection.
    public var tlsHandshake: Duration?

    public init(resolve: Duration? = nil, connect: Duration? = nil, tlsHandshake: Duration? = nil) {
        self.resolve = resolve
        self.connect = connect
        self.tlsHandshake = tlsHandshake
    }
}
