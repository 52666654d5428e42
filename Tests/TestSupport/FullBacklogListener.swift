#if canImport(Glibc)
import Glibc
#endif

/// A loopback listening socket whose accept queue is full: it never accepts, and extra
/// connections fill the queue, so the kernel ignores further SYNs: a connect to it hangs until
/// the caller's timeout, like one to a host behind a firewall that drops packets.
public struct FullBacklogListener {
    public let fd: Int32
    public let port: UInt16
    private var fillers: [Int32] = []

    public init() throws {
        let (fd, target) = try LoopbackListeningSocket.open(backlog: 0)
        self.fd = fd
        port = UInt16(bigEndian: target.sin_port)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        fillers = (0..<4).map { _ in
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            withUnsafePointer(to: target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = connect(filler, $0, length) }
            }
            return filler
        }
        usleep(50_000)
    }

    public func close() {
        for filler in fillers { Glibc.close(filler) }
        Glibc.close(fd)
    }
}
