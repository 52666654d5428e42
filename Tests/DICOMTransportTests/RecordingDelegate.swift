@testable import DICOMTransport

/// A channel delegate that records what happens, for tests to poll from other threads.
final class RecordingDelegate: ChannelDelegate, @unchecked Sendable {
    private let lock = PThreadLock()
    private var _received: [UInt8] = []
    private var _inputEnded = false
    private var _closed = false
    private var _closeError: TransportError?
    private var _writability: [Bool] = []
    /// Runs on the loop thread after each read (e.g. to answer).
    var onRead: (@Sendable (any Channel, [UInt8]) -> Void)?

    var received: [UInt8] { lock.withLock { _received } }
    var inputEnded: Bool { lock.withLock { _inputEnded } }
    var closed: Bool { lock.withLock { _closed } }
    var closeError: TransportError? { lock.withLock { _closeError } }
    var writability: [Bool] { lock.withLock { _writability } }

    func channel(_ channel: any Channel, didRead bytes: UnsafeRawBufferPointer) {
        let chunk = Array(bytes)
        lock.withLock { _received += chunk }
        onRead?(channel, chunk)
    }

    func channelWritabilityChanged(_ channel: any Channel) {
        let writable = channel.isWritable
        lock.withLock { _writability.append(writable) }
    }

    func channelInputEnded(_ channel: any Channel) {
        lock.withLock { _inputEnded = true }
    }

    func channel(_ channel: any Channel, didCloseWith error: TransportError?) {
        lock.withLock {
            _closed = true
            _closeError = error
        }
    }
}

/// Polls `condition` every few milliseconds until it holds or `timeout` passes.
@discardableResult
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while !condition() {
        if clock.now >= deadline { return false }
        try? await Task.sleep(for: .microseconds(100))
    }
    return true
}
