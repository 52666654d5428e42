@testable import DICOMTransport

/// A TLS server on a loop: each accepted connection runs the server handshake; successes are
/// started with a delegate that answers every read with the bytes reversed.
final class TLSTestServer: @unchecked Sendable {
    let loop: EventLoop
    private(set) var listener: TCPListener!
    private let lock = PThreadLock()
    private var _results: [Result<RecordingDelegate, TransportError>] = []
    var results: [Result<RecordingDelegate, TransportError>] { lock.withLock { _results } }
    var errors: [TransportError] { results.compactMap { if case .failure(let e) = $0 { e } else { nil } } }

    init(loop: EventLoop, host: String = "127.0.0.1", configuration: TLSConfiguration,
         handshakeTimeout: Duration = .seconds(5)) async throws {
        self.loop = loop
        let context = try TLSContext(configuration)
        listener = try await loop.submit { [self] in
            try TCPListener(host: host, port: 0, on: loop) { [self] accepted in
                guard case .success(let tcp) = accepted else { return }
                TLSChannel.accept(tcp, context: context, timeout: handshakeTimeout) { [self] result in
                    let recorded = result.map { channel in
                        let delegate = RecordingDelegate()
                        delegate.onRead = { channel, bytes in channel.write(bytes.reversed()) }
                        channel.start(delegate: delegate)
                        return delegate
                    }
                    lock.withLock { _results.append(recorded) }
                }
            }
        }
    }

    var port: UInt16 { listener.port }

    func stop() async throws {
        try await loop.submit { [self] in listener.close() }
    }
}
