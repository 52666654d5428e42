import Foundation
import Testing

/// The parent of every suite in this target: serialized, because several tests count the
/// process's file descriptors and must not see another test's sockets come and go.
@Suite("DICOMTransport", .serialized)
struct TransportTests {}

/// The number of file descriptors this process holds open (Linux: entries of /proc/self/fd).
func openFileDescriptors() -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
}

/// Waits up to `timeout` for the process to hold at most `limit` descriptors and returns the
/// last count. Descriptors a leak holds never come back, while those of tests in other targets
/// running alongside do, so waiting tolerates the latter without hiding the former.
func fileDescriptors(settlingAtMost limit: Int, timeout: Duration = .seconds(2)) async -> Int {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var count = openFileDescriptors()
    while count > limit, clock.now < deadline {
        try? await Task.sleep(for: .milliseconds(20))
        count = openFileDescriptors()
    }
    return count
}
