import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TCPChannel {
    /// Our side of the connection (`getsockname`): the address the peer sees us from, unless
    /// a NAT rewrites it. Nil once closed. Call on the loop's thread.
    public var localAddress: SocketAddress? {
        loop.preconditionInEventLoop()
        guard let tcp else { return nil }
        var address = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                uv_tcp_getsockname(tcp, sockaddr, &length) == 0 ? SocketAddress(UnsafePointer(sockaddr)) : nil
            }
        }
    }
}
