#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket listening on 127.0.0.1 on a port the kernel chose, for tests that play a peer
/// by hand (`FullBacklogListener`, scripted exchanges with DCMTK).
public enum LoopbackListeningSocket {
    /// The socket and its address (the port in `sin_port`, network byte order); the caller
    /// closes it.
    public static func open(backlog: Int32) throws -> (fd: Int32, address: sockaddr_in) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, backlog) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, listening else {
            let code = errno
            if fd >= 0 { close(fd) }
            throw Failure("cannot listen on 127.0.0.1: errno \(code)")
        }
        return (fd, address)
    }
}
