/// How long each phase of establishing an association took (`nil`: not reached, or not
/// applicable, such as TLS on a plain connection).
public struct AssociationTimings: Sendable, Hashable {
    public var resolve: Duration?
    public var connect: Duration?
    public var tls: Duration?
    /// From sending the A-ASSOCIATE-RQ to receiving the AC (requestor), or from accepting the
    /// connection to sending the AC (acceptor).
    public var associate: Duration?

    public init(resolve: Duration? = nil, connect: Duration? = nil, tls: Duration? = nil, associate: Duration? = nil) {
        self.resolve = resolve
        self.connect = connect
        self.tls = tls
        self.associate = associate
    }
}
