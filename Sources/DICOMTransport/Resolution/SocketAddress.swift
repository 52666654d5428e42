import CLibUV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address and port, as libuv takes them.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// Stored as bytes so the value is Sendable and Hashable; `sockaddr_in` or `sockaddr_in6`.
    private let storage: [UInt8]

    /// Parses an IP literal: "127.0.0.1", "::1" or "[::1]" (brackets as in URLs).
    public init?(ipLiteral host: String, port: UInt16) {
        let bare = SocketAddress.strippingBrackets(host)
        var v4 = sockaddr_in()
        if uv_ip4_addr(bare, Int32(port), &v4) == 0 {
            storage = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = sockaddr_in6()
        if uv_ip6_addr(bare, Int32(port), &v6) == 0 {
            storage = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// Copies a `sockaddr` of family AF_INET or AF_INET6.
    init?(_ address: UnsafePointer<sockaddr>) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET: storage = Array(UnsafeRawBufferPointer(start: address, count: MemoryLayout<sockaddr_in>.size))
        case AF_INET6: storage = Array(UnsafeRawBufferPointer(start: address, count: MemoryLayout<sockaddr_in6>.size))
        default: return nil
        }
    }

    /// Removes the brackets of "[::1]".
    static func strippingBrackets(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    public var isIPv6: Bool { storage.count == MemoryLayout<sockaddr_in6>.size }

    public var port: UInt16 {
        withSockaddr { address in
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// The address without the port, e.g. "::1".
    public var host: String {
        withSockaddr { address in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { text in
                _ = uv_ip_name(address, text.baseAddress, text.count)
                return String(cString: text.baseAddress!)
            }
        }
    }

    /// "127.0.0.1:104" or "[::1]:104".
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Lends the address to a C call.
    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self)) }
    }
}
