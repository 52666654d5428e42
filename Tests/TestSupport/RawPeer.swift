import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP socket for tests that play a hostile or silent peer: connect and send whatever
/// bytes (client) — all at once or one at a time, slowly — or listen without ever accepting or
/// answering (server).
public final class RawPeer: @unchecked Sendable {
    public let fd: Int32

    /// A client connected to 127.0.0.1:`port`, from the loopback address `source` (any
    /// 127.x.y.z works on Linux: a second "machine" for address checks).
    public init(connectingTo port: UInt16, from source: String = "127.0.0.1") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var local = Self.loopback(0, source)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        var address = Self.loopback(port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    /// A listening socket on 127.0.0.1 that never accepts: the kernel completes handshakes,
    /// nobody answers. `port` is the one bound.
    public init(silentListenerOn port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
    }

    deinit { close(fd) }

    /// Sends `bytes`; returns false when the connection no longer takes them (reset, closed).
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Sends `bytes` one at a time, `interval` seconds apart (slowloris), until they are all
    /// sent or the other side closes; returns how many were sent.
    public func trickle(_ bytes: [UInt8], interval: Double) -> Int {
        for (index, byte) in bytes.enumerated() {
            if index > 0 { usleep(UInt32(interval * 1_000_000)) }
            guard send([byte]), !peerClosed() else { return index }
        }
        return bytes.count
    }

    /// Whether the other side has closed (or reset) the connection, without waiting; bytes it
    /// sent first are consumed.
    public func peerClosed() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return false }
            if recv(fd, &buffer, buffer.count, 0) <= 0 { return true }
        }
    }

    /// Reads until `count` bytes arrived, the peer closes or `timeout` passes.
    public func read(_ count: Int, timeout: Double) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < count && Date() < deadline {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&descriptor, 1, remaining) > 0 else { continue }
            let got = recv(fd, &buffer, min(buffer.count, count - received.count), 0)
            if got <= 0 { break }
            received += buffer[..<got]
        }
        return received
    }

    /// Reads until the peer closes or `timeout` passes; returns what arrived and whether the
    /// connection was closed by the other side.
    public func readUntilClosed(timeout: Double) -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&descriptor, 1, remaining) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return (received, true) }
            received += buffer[..<count]
        }
        return (received, false)
    }

    private static func loopback(_ port: UInt16, _ host: String = "127.0.0.1") -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }
}
