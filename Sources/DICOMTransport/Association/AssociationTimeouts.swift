/// The timers of one association (PS3.8 §9.1.5 ARTIM, and the waits PS3.8 leaves to the
/// implementation).
public struct AssociationTimeouts: Sendable, Hashable {
    /// Resolution plus TCP connect.
    public var connect: Duration
    /// Waiting for the A-ASSOCIATE-AC/RJ after sending the RQ.
    public var associate: Duration
    /// Waiting for a DIMSE response after a request.
    public var dimse: Duration
    /// Waiting for the A-RELEASE-RP.
    public var release: Duration
    /// ARTIM (PS3.8 §9.1.5): an acceptor waiting for the A-ASSOCIATE-RQ, and either side
    /// waiting for the peer to close after a release, rejection or abort.
    public var artim: Duration
    /// Acceptor: abort an established association that receives nothing this long; `nil`:
    /// never.
    public var idle: Duration?

    public init(
        connect: Duration = .seconds(10), associate: Duration = .seconds(30), dimse: Duration = .seconds(30),
        release: Duration = .seconds(10), artim: Duration = .seconds(10), idle: Duration? = .seconds(300)
    ) {
        self.connect = connect
        self.associate = associate
        self.dimse = dimse
        self.release = release
        self.artim = artim
        self.idle = idle
    }

    /// Every wait set to `timeout` (the CLI's `--timeout`); idle stays as given.
    public static func uniform(_ timeout: Duration, idle: Duration? = .seconds(300)) -> AssociationTimeouts {
        AssociationTimeouts(
            connect: timeout, associate: timeout, dimse: timeout, release: timeout, artim: timeout, idle: idle)
    }
}
