import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

extension ChildProcess {
    /// Stops a DCMTK server with SIGKILL: children of the test process start with SIGTERM
    /// blocked (Foundation's Process spawns from a thread that blocks signals), so `stop()`
    /// would wait forever for storescp.
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// `pacslink echo` against DCMTK's `storescp` and against peers that fail in each phase.
@Suite("echo against DCMTK and failing peers", .serialized)
struct EchoInteropTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "echo-interop")
    }

    /// Runs `pacslink echo …` with empty configuration files.
    func echo(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/user.ini", "--admin-config", directory.path + "/admin.ini", "echo"] + arguments,
            timeout: 60)
    }

    /// The first result of `echo --format json`.
    func firstResult(_ stdout: String) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        return try #require(results.first)
    }

    @Test("PS3.4 Annex A: our C-ECHO to storescp succeeds, with every phase timed")
    func echoStorescp() throws {
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "STORESCP", "-od", directory.path, String(port)])
        defer { scp.kill() }
        try scp.waitUntilListening(on: port)
        // By name, so that resolution is timed too (an IP literal needs none).
        let run = try echo(["--host", "localhost", "--port", String(port), "--called-aet", "STORESCP",
                            "--calling-aet", "ECHOTEST", "--repeat", "3", "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let result = try firstResult(run.stdout)
        #expect(result["ok"] as? Bool == true)
        let timings = try #require(result["timings_ms"] as? [String: Any])
        for phase in ["resolve", "connect", "associate", "echo", "release", "total"] {
            #expect(timings[phase] is Double, "\(phase) not timed")
        }
        #expect(timings["tls"] is NSNull)
    }

    @Test("Echo servers by name, --all and --endpoints CSV: one result per target, exit 1 when any failed")
    func registryAndEndpoints() throws {
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "STORESCP", String(port)])
        defer { scp.kill() }
        try scp.waitUntilListening(on: port)
        try """
            [server "Lab"]
            ae_title = STORESCP
            host = 127.0.0.1
            port = \(port)

            [server "Gone"]
            ae_title = GONE
            host = 127.0.0.1
            port = \(FreePort.next())

            """.write(toFile: directory.path + "/user.ini", atomically: true, encoding: .utf8)
        var run = try echo(["Lab", "--format", "csv"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 2)
        run = try echo(["--all", "--format", "csv"])
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("Lab,") && rows[0].contains(",yes,"))
        #expect(rows[1].hasPrefix("Gone,") && rows[1].contains("connection refused"))
        let csv = directory.path + "/endpoints.csv"
        try "name,ae,host,port,tls\nBench,STORESCP,127.0.0.1,\(port),no\n".write(toFile: csv, atomically: true, encoding: .utf8)
        run = try echo(["--endpoints", csv])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Bench"))
    }

    @Test("A refused port fails in the connect phase, exit 1")
    func refused() throws {
        let run = try echo(["--host", "127.0.0.1", "--port", String(FreePort.next()), "--called-aet", "ANY", "--format", "json"])
        #expect(run.status == 1)
        let failure = try #require(try firstResult(run.stdout)["failure"] as? [String: Any])
        #expect(failure["class"] as? String == "connection refused")
        #expect(failure["phase"] as? String == "connect")
    }

    @Test("A peer that accepts TCP but never answers fails with a timeout in the associate phase")
    func silentPeer() throws {
        let port = FreePort.next()
        let peer = try RawPeer(silentListenerOn: port)
        let started = Date()
        let run = try echo(["--host", "127.0.0.1", "--port", String(port), "--called-aet", "ANY", "--timeout", "1", "--format", "json"])
        #expect(run.status == 1)
        let failure = try #require(try firstResult(run.stdout)["failure"] as? [String: Any])
        #expect(failure["class"] as? String == "timeout")
        #expect(failure["phase"] as? String == "associate")
        #expect(Date().timeIntervalSince(started) < 10)
        _ = peer
    }

    @Test("PS3.8 9.3.4 storescp --refuse: reported as rejected in the associate phase, reason decoded")
    func rejectedByStorescp() throws {
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "STORESCP", "--refuse", String(port)])
        defer { scp.kill() }
        try scp.waitUntilListening(on: port)
        let run = try echo(["--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP", "--format", "json"])
        #expect(run.status == 1)
        let failure = try #require(try firstResult(run.stdout)["failure"] as? [String: Any])
        #expect(failure["class"] as? String == "association rejected")
        #expect(failure["phase"] as? String == "associate")
        #expect((failure["message"] as? String)?.hasPrefix("rejected (permanent): ") == true, "\(failure)")
    }

    @Test("PS3.15 B.1: echo to storescp +tls — right CA succeeds, wrong CA is a certificate error in the TLS phase, verify off succeeds")
    func tlsServerAuthentication() throws {
        let certificates = try EchoTLSCertificates()
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), [
            "--aetitle", "STORESCP", "+tls", certificates.key("server"), certificates.certificate("server"), "-ic", String(port),
        ])
        defer { scp.kill() }
        try scp.waitUntilListening(on: port)
        let base = ["--host", "localhost", "--port", String(port), "--called-aet", "STORESCP", "--tls", "--format", "json"]

        var run = try echo(base + ["--tls-ca", certificates.certificate("server")])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let timings = try #require(try firstResult(run.stdout)["timings_ms"] as? [String: Any])
        #expect(timings["tls"] is Double)

        run = try echo(base + ["--tls-ca", certificates.certificate("stranger")])
        #expect(run.status == 1)
        let failure = try #require(try firstResult(run.stdout)["failure"] as? [String: Any])
        #expect(failure["class"] as? String == "TLS failure")
        #expect(failure["phase"] as? String == "TLS")
        #expect((failure["message"] as? String)?.contains("certificate verify failed") == true, "\(failure)")

        run = try echo(base + ["--no-verify-certificate"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("PS3.15 B.1: mutual TLS against storescp -rc +cf — with our client certificate succeeds, without it fails in TLS")
    func mutualTLS() throws {
        let certificates = try EchoTLSCertificates()
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), [
            "--aetitle", "STORESCP", "+tls", certificates.key("server"), certificates.certificate("server"),
            "-rc", "+cf", certificates.certificate("client"), String(port),
        ])
        defer { scp.kill() }
        try scp.waitUntilListening(on: port)
        let base = ["--host", "localhost", "--port", String(port), "--called-aet", "STORESCP", "--tls",
                    "--tls-ca", certificates.certificate("server"), "--format", "json", "--timeout", "10"]
        var run = try echo(base + ["--tls-cert", certificates.certificate("client"), "--tls-key", certificates.key("client")])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try echo(base)
        #expect(run.status == 1)
        let failure = try #require(try firstResult(run.stdout)["failure"] as? [String: Any])
        #expect(["TLS", "associate"].contains(failure["phase"] as? String ?? ""), "\(failure)")
    }

    @Test("Usage errors exit 2, invalid values exit 3")
    func exitCodes() throws {
        #expect(try echo(["--host", "127.0.0.1"]).status == 2)
        #expect(try echo([]).status == 2)
        #expect(try echo(["--host", "127.0.0.1", "--port", "70000", "--called-aet", "X"]).status == 3)
        #expect(try echo(["--host", "127.0.0.1", "--port", "104", "--called-aet", "BAD\\AE"]).status == 3)
    }
}
