import Foundation
import Testing
import TestSupport

/// `pacslink bench store` against DCMTK's `storescp` (PS3.4 Annex B): every operation arrives
/// as a file of its own, and a refused presentation context is classified, not miscounted.
@Suite("bench store against storescp")
struct BenchStoreInteropTests {
    func bench(_ port: UInt16, _ arguments: [String]) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["bench", "store", "--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP", "--calling-aet", "BENCH",
             "--json"] + arguments,
            timeout: 60)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\n\(run.stderr)")
        return (run.status, json, run.stderr)
    }

    @Test("PS3.4 B.2: N C-STOREs over 2 workers give N files, each its own SOP Instance UID, and N × the data set in bytes")
    func stored() throws {
        let received = try TemporaryDirectory(prefix: "bench-store-interop")
        let port = FreePort.next()
        let scp = try ChildProcess(DCMTK.tool("storescp"), ["--aetitle", "STORESCP", "-od", received.path, String(port)])
        try scp.waitUntilListening(on: port)
        defer { scp.stop() }
        let run = try bench(port, ["--count", "12", "--concurrency", "2", "--size", "4096"])
        #expect(run.status == 0, "\(run.json)\n\(run.stderr)")
        #expect(run.json["succeeded"] as? Int == 12)
        #expect(run.json["failed"] as? Int == 0)
        #expect(run.json["associations"] as? Int == 12)
        let files = try FileManager.default.contentsOfDirectory(atPath: received.path)
        #expect(files.count == 12, "storescp names each file by its SOP Instance UID: \(files)")
        let bytes = try #require(run.json["bytes"] as? Int)
        #expect(bytes % 12 == 0 && bytes / 12 > 4096)
    }

    @Test("PS3.8 9.3.3.2 storescp accepting only Implicit VR LE: every operation fails as SOP class not accepted in store, exit 1")
    func contextRefused() throws {
        let received = try TemporaryDirectory(prefix: "bench-store-interop")
        let port = FreePort.next()
        let scp = try ChildProcess(DCMTK.tool("storescp"), ["--aetitle", "STORESCP", "+xi", "-od", received.path, String(port)])
        try scp.waitUntilListening(on: port)
        defer { scp.stop() }
        let run = try bench(port, ["--count", "3", "--size", "64"])
        #expect(run.status == 1)
        #expect(run.json["succeeded"] as? Int == 0)
        let failures = try #require(run.json["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures.first?["class"] as? String == "SOP class not accepted")
        #expect(failures.first?["phase"] as? String == "store")
        #expect(failures.first?["count"] as? Int == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: received.path).isEmpty)
    }
}
