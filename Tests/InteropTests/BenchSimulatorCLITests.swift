import Foundation
import Testing
import TestSupport

/// `pacslink bench find|move` as processes against `pacslink simulate`: the study found for a
/// move without --study, our Storage SCP on --listen-port, counts in the JSON report.
@Suite("bench find and move against pacslink simulate", .serialized)
struct BenchSimulatorCLITests {
    func bench(_ arguments: [String], port: UInt16) throws -> (status: Int32, json: [String: Any]) {
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["bench"] + arguments + ["--host", "127.0.0.1", "--port", String(port), "--called-aet", "SIMPACS", "--calling-aet", "BENCH",
                                     "--json"],
            timeout: 60)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\n\(run.stderr)")
        return (run.status, json)
    }

    @Test("PS3.4 C.4.1, C.4.2: bench find counts the simulator's studies; bench move moves the first one, its instances into --out")
    func findAndMove() throws {
        let directory = try TemporaryDirectory(prefix: "bench-simulate")
        let listenPort = FreePort.next()
        let port = FreePort.next()
        let simulator = try ChildProcess(BuiltProducts.pacslink(), [
            "simulate", "--base-port", String(port), "--studies", "2", "--series", "1", "--instances", "2", "--size", "512",
            "--destination", "BENCH=127.0.0.1:\(listenPort)",
        ])
        try simulator.waitUntilListening(on: port)
        defer { simulator.stop() }

        let find = try bench(["find", "--count", "3", "--reuse"], port: port)
        #expect(find.status == 0, "\(find.json)")
        #expect(find.json["succeeded"] as? Int == 3)
        #expect(find.json["item_name"] as? String == "matches")
        #expect(find.json["items"] as? Int == 3 * 2)

        let move = try bench(
            ["move", "--count", "3", "--listen-port", String(listenPort), "--out", directory.path, "--flush", "none"], port: port)
        #expect(move.status == 0, "\(move.json)")
        #expect(move.json["succeeded"] as? Int == 3)
        #expect(move.json["associations"] as? Int == 3)
        #expect(move.json["item_name"] as? String == "sub-operations")
        #expect(move.json["items"] as? Int == 3 * 2)
        let files = FileManager.default.enumerator(atPath: directory.path + "/RetrievedFiles")?.allObjects.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".dcm") } ?? []
        #expect(files.count == 2, "one study's two instances, written by each move: \(files)")
        #expect((move.json["bytes"] as? Int ?? 0) > 3 * 2 * 512)
    }

    @Test("PS3.4 C.4.2.1.5 bench move to an AE the simulator has no destination for (0xA801): bad status in move, exit 1")
    func moveFails() throws {
        let port = FreePort.next()
        let simulator = try ChildProcess(BuiltProducts.pacslink(), [
            "simulate", "--base-port", String(port), "--studies", "1", "--series", "1", "--instances", "1", "--size", "64",
        ])
        try simulator.waitUntilListening(on: port)
        defer { simulator.stop() }
        let directory = try TemporaryDirectory(prefix: "bench-simulate")
        let move = try bench(["move", "--count", "2", "--listen-port", String(FreePort.next()), "--out", directory.path], port: port)
        #expect(move.status == 1)
        #expect(move.json["succeeded"] as? Int == 0)
        let failures = try #require(move.json["failures"] as? [[String: Any]])
        #expect(failures.first?["class"] as? String == "bad status")
        #expect(failures.first?["phase"] as? String == "move")
        #expect(failures.first?["count"] as? Int == 2)
    }
}
