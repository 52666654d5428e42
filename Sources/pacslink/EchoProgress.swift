import Foundation
import PACSLink
import DICOMTransport

/// The progress of `pacslink echo` on stderr: on a terminal one line, overwritten at most ten
/// times a second ("echo: 412/1000 done, 3 failed"); otherwise a plain line each time another
/// tenth of the targets is done. Called from the loop threads, hence the lock.
final class EchoProgress: Sendable {
    private struct State {
        var lastDraw = ContinuousClock.now
        var lastTenth = 0
        var drawn = false
    }

    private let total: Int
    private let terminal: Bool
    private let state = LockedState(State())

    init(total: Int, terminal: Bool) {
        self.total = total
        self.terminal = terminal
    }

    @Sendable func record(_ progress: BatchEchoProgress) {
        let line = "echo: \(progress.done)/\(progress.total) done, \(progress.failed) failed"
        state.withLock { state in
            if terminal {
                let now = ContinuousClock.now
                guard progress.done == progress.total || now - state.lastDraw >= .milliseconds(100) else { return }
                state.lastDraw = now
                state.drawn = true
                Self.write("\r\u{1B}[K" + line)
            } else {
                let tenth = progress.done * 10 / max(1, progress.total)
                guard tenth > state.lastTenth else { return }
                state.lastTenth = tenth
                Self.write(line + "\n")
            }
        }
    }

    /// Clears the terminal line before the report is printed.
    func finish() {
        state.withLock { state in
            if terminal && state.drawn { Self.write("\r\u{1B}[K") }
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
