import Dispatch
import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Loop timers (ARTIM, DIMSE and idle timeouts)")
    struct LoopTimerTests {
        @Test("A one-shot timer fires once, not before its delay")
        func oneShot() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let fired = Collected<UInt64>()
            let start = DispatchTime.now().uptimeNanoseconds
            let timer = try await loop.submit {
                LoopTimer.oneShot(on: loop, after: .milliseconds(30)) {
                    fired.append(DispatchTime.now().uptimeNanoseconds - start)
                }
            }
            #expect(await eventually { fired.values.count == 1 })
            try await Task.sleep(for: .milliseconds(60))
            #expect(fired.values.count == 1)
            #expect((fired.values.first ?? 0) >= 29_000_000)
            #expect(try await loop.submit { timer.isScheduled } == false)
        }

        @Test("Durations become libuv milliseconds rounded up, so a timeout never fires early",
              arguments: [(Duration.zero, UInt64(0)), (.nanoseconds(1), 1), (.milliseconds(30), 30),
                          (.microseconds(30_001), 31), (.seconds(90), 90_000), (.milliseconds(-5), 0)])
        func milliseconds(duration: Duration, expected: UInt64) {
            #expect(duration.uvMilliseconds == expected)
        }

        @Test("A repeating timer fires until cancelled, also from its own handler")
        func repeating() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let fired = Collected<Int>()
            try await loop.submit {
                let timer = LoopTimer(loop: loop)
                var count = 0
                timer.schedule(after: .milliseconds(1), repeating: .milliseconds(2)) {
                    count += 1
                    fired.append(count)
                    if count == 5 { timer.cancel() }
                }
            }
            #expect(await eventually { fired.values.count == 5 })
            try await Task.sleep(for: .milliseconds(20))
            #expect(fired.values == [1, 2, 3, 4, 5])
        }

        @Test("Cancel before expiry stops the handler; re-arming replaces the schedule")
        func cancelAndRearm() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let fired = Collected<String>()
            try await loop.submit {
                let cancelled = LoopTimer.oneShot(on: loop, after: .milliseconds(20)) { fired.append("cancelled") }
                cancelled.cancel()
                let rearmed = LoopTimer.oneShot(on: loop, after: .milliseconds(10)) { fired.append("first") }
                rearmed.cancel()
                rearmed.schedule(after: .milliseconds(15)) { fired.append("second") }
            }
            #expect(await eventually { !fired.values.isEmpty })
            try await Task.sleep(for: .milliseconds(30))
            #expect(fired.values == ["second"])
        }
    }
}
