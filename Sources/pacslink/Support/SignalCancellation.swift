import Dispatch
import Foundation

/// Runs `handler` on the first SIGINT or SIGTERM (to cancel what runs: C-CANCEL for find,
/// for retrieve); a second signal exits at once with 130. `stop()` restores the default.
final class SignalCancellation: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0

    init(_ handler: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let seen = lock.withLock { () -> Int in
                    count += 1
                    return count
                }
                if seen > 1 { Foundation.exit(130) }
                FileHandle.standardError.write(Data("\npacslink: interrupted; cancelling…\n".utf8))
                handler()
            }
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
