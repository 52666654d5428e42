#if canImport(Glibc)
import Glibc
#endif

/// Ports for test servers, chosen below the kernel's ephemeral range
/// (/proc/sys/net/ipv4/ip_local_port_range): a port in that range can be taken at any moment
/// by an outgoing connection, and its TIME_WAIT then blocks a server's bind for a minute —
/// which a suite opening thousands of connections makes likely. A random free port in
/// 10000 ..< (range start) is tried by binding it (IPv4 and IPv6 wildcard, as our listeners
/// bind); a small window remains between the probe's close and the server's bind, so tests
/// that start a peer retry on "address in use".
public enum FreePort {
    public static func next() -> UInt16 {
        let low: UInt16 = 10_000
        let high = ephemeralRangeStart()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let port = UInt16.random(in: low..<high, using: &generator)
            if canBind(port, family: AF_INET) && canBind(port, family: AF_INET6) { return port }
        }
        preconditionFailure("no free port in \(low)..<\(high)")
    }

    /// The first port the kernel hands to outgoing connections (32768 when unreadable).
    private static func ephemeralRangeStart() -> UInt16 {
        guard let file = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r") else { return 32_768 }
        defer { fclose(file) }
        var first: Int32 = 0, last: Int32 = 0
        guard fscanf_ports(file, &first, &last), first > 10_001, first <= 65_535 else { return 32_768 }
        return UInt16(first)
    }

    private static func fscanf_ports(_ file: UnsafeMutablePointer<FILE>, _ first: inout Int32, _ last: inout Int32) -> Bool {
        var line = [CChar](repeating: 0, count: 64)
        guard fgets(&line, 64, file) != nil else { return false }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard fields.count == 2, let a = Int32(fields[0]), let b = Int32(fields[1]) else { return false }
        first = a
        last = b
        return true
    }

    /// Whether a listening socket could bind `port` on the wildcard address of `family` now.
    private static func canBind(_ port: UInt16, family: Int32) -> Bool {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            address.sin6_addr = in6addr_any
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0
                }
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = INADDR_ANY
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    public static func isListening(_ port: UInt16, host: String = "127.0.0.1") -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr(host)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
