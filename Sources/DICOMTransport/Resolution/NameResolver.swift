import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Host name resolution through `uv_getaddrinfo`, which runs `getaddrinfo` on libuv's thread
/// pool so a slow DNS server never blocks a loop.
public enum NameResolver {
    /// Resolves `host` (a name, an IPv4 literal, or an IPv6 literal with or without brackets)
    /// to its TCP addresses, IPv4 and IPv6, in the order the system prefers. IP literals are
    /// answered at once. `completion` runs on `loop`'s thread; call this there too.
    public static func resolve(
        host: String, port: UInt16, on loop: EventLoop,
        _ completion: @escaping (Result<[SocketAddress], TransportError>) -> Void
    ) {
        loop.preconditionInEventLoop()
        if let literal = SocketAddress(ipLiteral: host, port: port) {
            completion(.success([literal]))
            return
        }
        let request = UnsafeMutablePointer<uv_getaddrinfo_t>.allocate(capacity: 1)
        let pending = PendingResolution(host: host, port: port, completion: completion)
        request.pointee.data = Unmanaged.passRetained(pending).toOpaque()
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        let status = uv_getaddrinfo(loop.uvLoop, request, resolved, host, String(port), &hints)
        if status != 0 {
            Unmanaged<PendingResolution>.fromOpaque(request.pointee.data).release()
            request.deallocate()
            completion(.failure(pending.failure(LibUVStatus(status))))
        }
    }

    /// `resolve` for async callers: awaits the answer wherever the caller runs.
    public static func resolve(host: String, port: UInt16, on loop: EventLoop) async throws(TransportError) -> [SocketAddress] {
        try await loop.awaitCompletion { completion in resolve(host: host, port: port, on: loop, completion) }
    }
}

/// What a `uv_getaddrinfo` request carries to its callback.
private final class PendingResolution {
    let host: String
    let port: UInt16
    let completion: (Result<[SocketAddress], TransportError>) -> Void

    init(host: String, port: UInt16,
         completion: @escaping (Result<[SocketAddress], TransportError>) -> Void) {
        self.host = host
        self.port = port
        self.completion = completion
    }

    func failure(_ status: LibUVStatus) -> TransportError {
        var error = TransportError(phase: .resolve, status: status, peer: "\(host):\(port)")
        if error.kind == .nameNotResolved {
            error.detail = "the name \"\(host)\" could not be resolved (\(status.text))"
        }
        return error
    }
}

private let resolved: uv_getaddrinfo_cb = { request, status, list in
    guard let request else { return }
    let pending = Unmanaged<PendingResolution>.fromOpaque(request.pointee.data).takeRetainedValue()
    request.deallocate()
    defer { uv_freeaddrinfo(list) }
    guard status == 0 else {
        pending.completion(.failure(pending.failure(LibUVStatus(status))))
        return
    }
    var addresses: [SocketAddress] = []
    var entry = list
    while let current = entry {
        if let address = current.pointee.ai_addr.flatMap({ SocketAddress(UnsafePointer($0)) }), !addresses.contains(address) {
            addresses.append(address)
        }
        entry = current.pointee.ai_next
    }
    if addresses.isEmpty {
        pending.completion(.failure(pending.failure(LibUVStatus(UV_EAI_NODATA.rawValue))))
    } else {
        pending.completion(.success(addresses))
    }
}
