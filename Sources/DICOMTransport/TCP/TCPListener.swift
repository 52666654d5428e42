import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening TCP socket on an event loop (owner of one `uv_tcp_t`). Each accepted connection
/// becomes a `TCPChannel` on the same loop, handed to `onAccept` not yet reading; the owner
/// applies its policy (a cap on concurrent associations: close the channel) before `start`.
public final class TCPListener: @unchecked Sendable {
    public let loop: EventLoop
    /// The bound address; its port is the real one when 0 was asked for.
    public private(set) var localAddress: SocketAddress
    private var handle: UnsafeMutableRawPointer?
    private var onAccept: ((Result<TCPChannel, TransportError>) -> Void)?

    /// Binds `host` (an IP literal: "0.0.0.0", "::", "127.0.0.1", "[::1]", …) and `port` (0: any
    /// free port) and listens with `backlog`. Call on `loop`'s thread; `onAccept` runs there,
    /// with an error when accepting failed (e.g. out of file descriptors). With `reusePort`
    /// (Linux `SO_REUSEPORT`), listeners on several loops may bind the same port and the kernel
    /// spreads incoming connections over them — one accepting socket per core.
    public init(
        host: String, port: UInt16, backlog: Int32 = 128, reusePort: Bool = false, on loop: EventLoop,
        onAccept: @escaping (Result<TCPChannel, TransportError>) -> Void
    ) throws(TransportError) {
        loop.preconditionInEventLoop()
        let requested = "\(host):\(port)"
        guard let address = SocketAddress(ipLiteral: host, port: port) else {
            throw TransportError(phase: .listen, kind: .invalidAddress, peer: requested,
                                 detail: "\(host) is not an IPv4 or IPv6 address")
        }
        self.loop = loop
        self.localAddress = address
        self.onAccept = onAccept
        let opened = LoopHandle.open(UV_TCP, owner: self) { raw in
            // With reusePort the socket must exist before bind, to set the option on it.
            let family = UInt32(address.isIPv6 ? AF_INET6 : AF_INET)
            return reusePort
                ? uv_tcp_init_ex(loop.uvLoop, raw.assumingMemoryBound(to: uv_tcp_t.self), family)
                : uv_tcp_init(loop.uvLoop, raw.assumingMemoryBound(to: uv_tcp_t.self))
        }
        let handle: UnsafeMutableRawPointer
        switch opened {
        case .success(let opened): handle = opened
        case .failure(let status): throw TransportError(phase: .listen, status: status, peer: requested)
        }
        self.handle = handle
        let tcp = handle.assumingMemoryBound(to: uv_tcp_t.self)
        if reusePort { Self.setReusePort(tcp) }
        var status = address.withSockaddr { uv_tcp_bind(tcp, $0, 0) }
        if status == 0 {
            status = uv_listen(handle.assumingMemoryBound(to: uv_stream_t.self), backlog, acceptCallback)
        }
        guard status == 0 else {
            close()
            throw TransportError(phase: .listen, status: LibUVStatus(status), peer: address.description)
        }
        var bound = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        let actual = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                uv_tcp_getsockname(tcp, sockaddr, &length) == 0 ? SocketAddress(UnsafePointer(sockaddr)) : nil
            }
        }
        if let actual { localAddress = actual }
    }

    private static func setReusePort(_ tcp: UnsafeMutablePointer<uv_tcp_t>) {
        #if os(Linux)
        var descriptor = uv_os_fd_t()
        guard uv_fileno(UnsafeRawPointer(tcp).assumingMemoryBound(to: uv_handle_t.self), &descriptor) == 0 else { return }
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// The port actually bound.
    public var port: UInt16 { localAddress.port }

    /// Stops listening; connections already accepted stay open.
    public func close() {
        loop.preconditionInEventLoop()
        onAccept = nil
        if let handle { LoopHandle.close(handle) }
    }

    fileprivate func accept(status: Int32) {
        guard let onAccept, let handle else { return }
        guard status == 0 else {
            onAccept(.failure(TransportError(phase: .listen, status: LibUVStatus(status),
                                             peer: localAddress.description)))
            return
        }
        let channel: TCPChannel
        do {
            channel = try TCPChannel(loop: loop, peer: "?")
        } catch {
            onAccept(.failure(error))
            return
        }
        let accepted = uv_accept(handle.assumingMemoryBound(to: uv_stream_t.self),
                                 UnsafeMutableRawPointer(channel.tcp!).assumingMemoryBound(to: uv_stream_t.self))
        guard accepted == 0 else {
            channel.abort()
            onAccept(.failure(TransportError(phase: .listen, status: LibUVStatus(accepted),
                                             peer: localAddress.description)))
            return
        }
        channel.configureConnectedSocket()
        onAccept(.success(channel))
    }
}

extension TCPListener: LoopHandleOwner {
    func handleDidClose(_ handle: UnsafeMutableRawPointer) {
        self.handle = nil
        onAccept = nil
    }
}

private let acceptCallback: uv_connection_cb = { server, status in
    guard let server else { return }
    LoopHandle.owner(of: UnsafeMutableRawPointer(server), as: TCPListener.self).accept(status: status)
}
