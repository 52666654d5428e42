@testable import DICOMTransport

/// A listener on a loop that records the channels it accepts, each with a RecordingDelegate.
final class TestServer: @unchecked Sendable {
    let loop: EventLoop
    private(set) var listener: TCPListener!
    private let lock = PThreadLock()
    private var _accepted: [(TCPChannel, RecordingDelegate)] = []
    var accepted: [(TCPChannel, RecordingDelegate)] { lock.withLock { _accepted } }

    /// `startReading: false` leaves accepted channels unread (a peer that does not read).
    init(loop: EventLoop, host: String = "127.0.0.1", backlog: Int32 = 128, startReading: Bool = true,
         onRead: (@Sendable (any Channel, [UInt8]) -> Void)? = nil) async throws {
        self.loop = loop
        listener = try await loop.submit { [self] in
            try TCPListener(host: host, port: 0, backlog: backlog, on: loop) { [self] result in
                guard case .success(let channel) = result else { return }
                let delegate = RecordingDelegate()
                delegate.onRead = onRead
                if startReading { channel.start(delegate: delegate) }
                lock.withLock { _accepted.append((channel, delegate)) }
            }
        }
    }

    var port: UInt16 { listener.port }

    func stop() async throws {
        try await loop.submit { [self] in
            listener.close()
            for (channel, _) in accepted { channel.close() }
        }
    }
}

/// Connects a client with a RecordingDelegate.
func connectClient(host: String, port: UInt16, on loop: EventLoop, timeout: Duration = .seconds(5))
    async throws -> (TCPChannel, RecordingDelegate)
{
    let channel = try await TCPChannel.connect(host: host, port: port, on: loop, timeout: timeout)
    let delegate = RecordingDelegate()
    try await loop.submit { channel.start(delegate: delegate) }
    return (channel, delegate)
}
