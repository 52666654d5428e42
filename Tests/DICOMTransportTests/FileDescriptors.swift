import Foundation
import Testing
import DICOMTransport

/// The parent of every suite in this target: serialized, because several tests count the
/// process's file descriptors and must not see another test's sockets come and go.
@Suite("DICOMTransport", .serialized)
struct TransportTests {}

/// The number of file descriptors this process holds open (Linux: entries of /proc/self/fd).
func openFileDescriptors() -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
}

/// The descriptor count to compare against after a test, taken once process-wide state exists:
/// libuv's first loop opens a pipe for signal handling, Dispatch's first timer (a Task.sleep) a
/// timerfd, and both stay open for good.
func descriptorBaseline() async -> Int {
    EventLoop(name: "baseline").shutdown()
    try? await Task.sleep(for: .milliseconds(1))
    return openFileDescriptors()
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

/// The descriptors of this process that are TCP sockets with `port` at either end, found by
/// matching /proc/self/fd's "socket:[inode]" links against /proc/net/tcp and tcp6.
func socketDescriptors(onPort port: UInt16) -> [String] {
    let hexPort = ":" + String(port, radix: 16, uppercase: true).leftPadded(to: 4)
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        // Read to EOF: /proc files report size 0, and a reader that trusts the size (or reads
        // one page) misses the listeners once thousands of TIME_WAIT entries precede them.
        let data = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: table)).readToEnd()) ?? nil
        let text = String(decoding: data ?? Data(), as: UTF8.self)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, fields[1].hasSuffix(hexPort) || fields[2].hasSuffix(hexPort) else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return fds.filter { fd in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
              target.hasPrefix("socket:[") else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
