import Foundation
import Testing
import TestSupport

/// `pacslink servers test NAME` (issue 4): a registered server is echoed with the phase
/// timings; a server registered with `--tls` that speaks plain DICOM fails in the TLS phase.
@Suite("servers test against DCMTK")
struct ServersTestInteropTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory(prefix: "servers-test") }

    func pacslink(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/user.ini", "--admin-config", directory.path + "/admin.ini"] + arguments,
            timeout: 60)
    }

    @Test("a storescp registered with `servers add` answers `servers test`; the same port registered with --tls fails in the TLS phase")
    func testRegisteredStorescp() throws {
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "STORESCP", String(port)])
        defer { scp.stop() }
        try scp.waitUntilListening(on: port)

        var run = try pacslink(["servers", "add", "Plain", "--ae", "STORESCP", "--host", "127.0.0.1", "--port", String(port)])
        #expect(run.status == 0, "\(run.stderr)")
        run = try pacslink(["servers", "add", "Pretends TLS", "--ae", "STORESCP", "--host", "127.0.0.1",
                            "--port", String(port), "--tls", "--timeout", "5"])
        #expect(run.status == 0, "\(run.stderr)")

        run = try pacslink(["servers", "test", "Plain"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try pacslink(["servers", "test", "Plain", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        #expect(result["ok"] as? Bool == true)
        let timings = try #require(result["timings_ms"] as? [String: Any])
        for phase in ["connect", "associate", "echo", "release"] { #expect(timings[phase] is Double, "\(phase)") }

        run = try pacslink(["servers", "test", "Pretends TLS", "--json"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let failed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let failure = try #require((failed["results"] as? [[String: Any]])?.first)
        #expect(failure["ok"] as? Bool == false)
        let reason = try #require(failure["failure"] as? [String: Any])
        #expect(reason["class"] as? String == "TLS failure", "\(reason)")
        #expect(reason["phase"] as? String == "TLS", "\(reason)")
        #expect((reason["message"] as? String)?.contains("is this a TLS port?") == true, "\(reason)")
    }

    @Test("servers test of an unknown name exits 1 naming it")
    func unknownServer() throws {
        let run = try pacslink(["servers", "test", "Nowhere"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Nowhere"))
    }
}
