import DICOMTransport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PACSLink
import Testing
import TestSupport

/// Issue 7 acceptance: one sweep over many loopback endpoints — ours, DCMTK's, and peers that
/// fail in each phase — classifies every one, and silent peers cost about one timeout in all.
@Suite("Batch echo: sweeps of many endpoints (PS3.4 Annex A, PS3.8 §9.3.4)", .serialized)
struct BatchEchoInteropTests {
    /// What a target should come to: success (`nil`) or a failure class in a phase.
    struct Expected: Equatable, CustomStringConvertible {
        let failureClass: EchoFailure.Class
        let phase: String
        var description: String { "\(failureClass.rawValue) in \(phase)" }
    }

    /// Our Verification SCPs, one per AE title, each on `portsEach` ports (bound to port 0).
    struct Listeners {
        let acceptors: [MultiplexedAcceptor]
        /// AE title → its ports.
        let ports: [(aeTitle: String, ports: [UInt16])]

        init(aeTitles: [String], portsEach: Int, group: EventLoopGroup) async throws {
            var acceptors: [MultiplexedAcceptor] = []
            var ports: [(String, [UInt16])] = []
            for title in aeTitles {
                let (acceptor, bound) = try await BatchEchoInteropTests.started {
                    try VerificationListener.make(
                        ports: Array(repeating: 0, count: portsEach), aeTitle: title, open: false, maximumAssociations: 500,
                        group: group, onEvent: { _ in })
                }
                ports.append((title, bound))
                acceptors.append(acceptor)
            }
            self.acceptors = acceptors
            self.ports = ports
        }

        func stop() async {
            for acceptor in acceptors { await acceptor.stop() }
        }
    }

    /// Starts the acceptor `make` builds, again (up to five times) when a port it was given
    /// by the kernel was taken by a test running alongside before every loop had bound it.
    static func started(
        _ make: () throws -> MultiplexedAcceptor
    ) async throws -> (acceptor: MultiplexedAcceptor, ports: [UInt16]) {
        var attempt = 1
        while true {
            let acceptor = try make()
            let bound: [SocketAddress]
            do {
                bound = try await acceptor.start()
            } catch {
                guard error.kind == .addressInUse, attempt < 5 else { throw error }
                attempt += 1
                continue
            }
            return (acceptor, bound.map(\.port))
        }
    }

    /// Listening sockets that never accept: the kernel completes the TCP handshake, nobody
    /// sends an A-ASSOCIATE-AC. Two targets per socket stay well inside its backlog.
    static func silentPeers(_ count: Int) throws -> [RawPeer] {
        try (0..<count).map { _ in try RawPeer(silentListenerOn: FreePort.next()) }
    }

    static func port(of peer: RawPeer) -> UInt16 { port(of: peer.fd) }

    static func port(of socket: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Ports that refuse connections for as long as the sockets stay open: bound to 127.0.0.1:0
    /// without SO_REUSEADDR and never listening, so no test running alongside can take them
    /// (a port merely found free could be bound by another test's server meanwhile).
    final class RefusingPorts: @unchecked Sendable {
        let sockets: [Int32]

        init(_ count: Int) {
            sockets = (0..<count).map { _ in
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let bound = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                precondition(fd >= 0 && bound == 0, "cannot bind 127.0.0.1:0")
                return fd
            }
        }

        var ports: [UInt16] { sockets.map(BatchEchoInteropTests.port(of:)) }

        deinit { for fd in sockets { close(fd) } }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test("300 endpoints in one sweep: live (ours on 120 ports × 3 AE titles, 3 storescp, TLS), refused, silent, wrong AE, untrusted TLS — each classified")
    func threeHundredEndpoints() async throws {
        let timeout: Duration = .seconds(1)
        let serverGroup = EventLoopGroup(loopCount: 2)
        defer { serverGroup.shutdown() }
        let listeners = try await Listeners(aeTitles: ["ALPHA", "BETA", "GAMMA"], portsEach: 40, group: serverGroup)
        let certificates = try EchoTLSCertificates()
        let (tlsListener, tlsPorts) = try await Self.started {
            try VerificationListener.make(
                ports: [], tlsPorts: [0], tls: .server(
                    certificateChainFile: certificates.certificate("server"), privateKeyFile: certificates.key("server")),
                aeTitle: "SECURE", open: false, group: serverGroup, onEvent: { _ in })
        }
        let tlsPort = try #require(tlsPorts.first)
        var storescps: [ChildProcess] = []
        defer { for scp in storescps { scp.stop() } }
        var storescpPorts: [UInt16] = []
        for _ in 0..<3 {
            let port = FreePort.next()
            let scp = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "STORESCP", String(port)])
            storescps.append(scp)
            try scp.waitUntilListening(on: port)
            storescpPorts.append(port)
        }
        let silent = try Self.silentPeers(20)

        var targets: [EchoTarget] = []
        var expected: [String: Expected?] = [:]
        func add(_ name: String, port: UInt16, ae: String, tls: TLSConfiguration? = nil, _ outcome: Expected?) {
            targets.append(EchoTarget(
                name: name, host: "127.0.0.1", port: port, calledAETitle: ae, callingAETitle: "SWEEPER", timeout: timeout,
                tls: tls))
            expected[name] = outcome
        }
        for (title, ports) in listeners.ports {
            for (index, port) in ports.enumerated() {
                add("ours-\(title)-\(index)", port: port, ae: title, nil)
                if index % 2 == 0 {
                    add("wrong-ae-\(title)-\(index)", port: port, ae: "NOBODY", Expected(failureClass: .rejected, phase: "associate"))
                }
            }
        }
        for (index, port) in storescpPorts.enumerated() { add("storescp-\(index)", port: port, ae: "STORESCP", nil) }
        for (index, peer) in silent.enumerated() {
            for copy in 0..<2 {
                add("silent-\(index)-\(copy)", port: Self.port(of: peer), ae: "SILENT",
                    Expected(failureClass: .timeout, phase: "associate"))
            }
        }
        add("tls-trusted", port: tlsPort, ae: "SECURE",
            tls: EchoTarget.tls(caFile: certificates.certificate("server"), verify: true, certificate: nil, key: nil), nil)
        let untrusted = Expected(failureClass: .tls, phase: "TLS")
        add("tls-system-store", port: tlsPort, ae: "SECURE",
            tls: EchoTarget.tls(caFile: nil, verify: true, certificate: nil, key: nil), untrusted)
        add("tls-stranger-ca", port: tlsPort, ae: "SECURE",
            tls: EchoTarget.tls(caFile: certificates.certificate("stranger"), verify: true, certificate: nil, key: nil), untrusted)
        let refusing = RefusingPorts(300 - targets.count)
        for (index, port) in refusing.ports.enumerated() {
            add("refused-\(index)", port: port, ae: "ANY", Expected(failureClass: .connectionRefused, phase: "connect"))
        }
        #expect(targets.count == 300 && refusing.sockets.count > 50)

        let sweepGroup = EventLoopGroup(loopCount: 2)
        defer { sweepGroup.shutdown() }
        let seen = Counter()
        let report = await BatchEcho.run(targets.shuffled(), group: sweepGroup) { progress in
            #expect(progress.total == 300)
            seen.record(progress.done, progress.latest.target.name ?? "")
        }
        await listeners.stop()
        await tlsListener.stop()
        _ = refusing

        #expect(report.results.count == 300)
        for result in report.results {
            let name = try #require(result.target.name)
            let want = try #require(expected[name])
            let got = result.failure.map { Expected(failureClass: $0.failureClass, phase: $0.phase) }
            #expect(got == want, "\(name): \(result.failure?.description ?? "ok")")
        }
        let names = report.results.compactMap(\.target.name)
        #expect(names == names.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) })
        #expect(report.succeeded == 124)
        #expect(report.failuresByClass.first?.failureClass == .connectionRefused)
        #expect(seen.values == Array(1...300))
        #expect(Set(seen.names) == Set(expected.keys))
        // 40 silent targets among 64 in flight: about one timeout for the whole sweep.
        #expect(Self.seconds(report.elapsed) < 3 * Self.seconds(timeout), "\(report.summary)")
    }

    @Test("Half of 100 endpoints never answer: the sweep takes about one timeout, not 50 timeouts")
    func halfSilent() async throws {
        let timeout: Duration = .seconds(1)
        let serverGroup = EventLoopGroup(loopCount: 1)
        defer { serverGroup.shutdown() }
        let listeners = try await Listeners(aeTitles: ["LIVE"], portsEach: 50, group: serverGroup)
        let silent = try Self.silentPeers(25)
        let targets = listeners.ports[0].ports.map {
            EchoTarget(host: "127.0.0.1", port: $0, calledAETitle: "LIVE", timeout: timeout)
        } + silent.flatMap { peer in
            Array(repeating: EchoTarget(host: "127.0.0.1", port: Self.port(of: peer), calledAETitle: "SILENT", timeout: timeout), count: 2)
        }
        let sweepGroup = EventLoopGroup(loopCount: 2)
        defer { sweepGroup.shutdown() }
        let report = await BatchEcho.run(targets, group: sweepGroup)
        await listeners.stop()
        #expect(report.succeeded == 50)
        #expect(report.failuresByClass.map(\.failureClass) == [.timeout] && report.failed == 50)
        let elapsed = Self.seconds(report.elapsed)
        #expect(elapsed >= 0.9 && elapsed < 3 * Self.seconds(timeout), "\(report.summary)")
    }

    @Test("--deadline: silent peers with a 5 s phase timeout end at a 1 s overall deadline, as timeouts; later targets never start")
    func overallDeadline() async throws {
        let silent = try Self.silentPeers(10)
        let targets = silent.flatMap { peer in
            Array(repeating: EchoTarget(host: "127.0.0.1", port: Self.port(of: peer), calledAETitle: "SILENT", timeout: .seconds(5)), count: 2)
        }
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let report = await BatchEcho.run(targets, options: BatchEchoOptions(concurrency: 10, deadline: .seconds(1)), group: group)
        #expect(report.results.count == 20)
        #expect(report.results.allSatisfy { $0.failure?.failureClass == .timeout })
        // The first ten waited for the A-ASSOCIATE-AC until the deadline; the other ten found it passed.
        #expect(report.results.count { $0.failure?.phase == "associate" } == 10)
        #expect(report.results.count { $0.failure?.phase == "connect" } == 10)
        // About the 1 s deadline, well under the 5 s timeout (wall clock on a loaded machine).
        let elapsed = Self.seconds(report.elapsed)
        #expect(elapsed >= 0.9 && elapsed < 4, "\(report.summary)")
    }

    @Test("--repeat K: K C-ECHOes in one association, mean between minimum and maximum")
    func repeatedEchoes() async throws {
        let serverGroup = EventLoopGroup(loopCount: 1)
        defer { serverGroup.shutdown() }
        let listeners = try await Listeners(aeTitles: ["LIVE"], portsEach: 3, group: serverGroup)
        let targets = listeners.ports[0].ports.map { EchoTarget(host: "127.0.0.1", port: $0, calledAETitle: "LIVE", timeout: .seconds(5)) }
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let report = await BatchEcho.run(targets, options: BatchEchoOptions(repeatCount: 7), group: group)
        await listeners.stop()
        #expect(report.allSucceeded)
        for result in report.results {
            let t = result.timings
            #expect(t.echoes == 7)
            let (minimum, mean, maximum) = (try #require(t.echoMinimum), try #require(t.echo), try #require(t.echoMaximum))
            #expect(minimum <= mean && mean <= maximum && minimum > .zero)
            #expect(t.release != nil)
        }
    }
}

/// The `done` counts a sweep reported (sorted: workers on different loops may report out of
/// order) and the targets whose results arrived.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []
    private var latest: [String] = []

    func record(_ done: Int, _ name: String) {
        lock.withLock {
            recorded.append(done)
            latest.append(name)
        }
    }

    var values: [Int] { lock.withLock { recorded }.sorted() }
    var names: [String] { lock.withLock { latest } }
}
