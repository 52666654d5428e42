import Foundation
import Testing
import TestSupport

/// `pacslink simulate` as a process: what it prints, and DCMTK's SCUs against it.
@Suite("pacslink simulate", .serialized)
struct SimulatorCLITests {
    @Test("simulate --count 2 --json: prints both simulators and their studies; movescu retrieves from the second")
    func twoSimulators() throws {
        let directory = try TemporaryDirectory(prefix: "simulate-cli")
        let destinationPort = FreePort.next()
        // Two consecutive ports: a port picked free may have a busy neighbour, so try again.
        var launched: (ChildProcess, UInt16)?
        for _ in 0..<5 where launched == nil {
            let base = FreePort.next()
            let child = try ChildProcess(BuiltProducts.pacslink(), [
                "simulate", "--count", "2", "--base-port", String(base), "--studies", "1", "--series", "1", "--instances", "2",
                "--size", "256", "--destination", "MOVER=127.0.0.1:\(destinationPort)", "--json",
            ])
            if (try? child.waitUntilListening(on: base + 1)) != nil { launched = (child, base) } else { child.stop() }
        }
        let (simulator, base) = try #require(launched)
        defer { simulator.stop() }
        var document: [String: Any]?
        for _ in 0..<200 where document == nil {
            document = try? JSONSerialization.jsonObject(with: Data(simulator.stdout.utf8)) as? [String: Any]
            if document == nil { usleep(20_000) }
        }
        let simulators = try #require(document?["simulators"] as? [[String: Any]], "\(simulator.stdout)\(simulator.stderr)")
        #expect(simulators.map { $0["ae_title"] as? String } == ["SIMPACS", "SIMPACS2"])
        #expect(simulators.map { $0["port"] as? Int } == [Int(base), Int(base) + 1])
        let studies = try #require(simulators[1]["studies"] as? [[String: Any]])
        #expect(studies.count == 1 && studies[0]["instances"] as? Int == 2)
        let study = try #require(studies[0]["study_instance_uid"] as? String)

        #expect(try ChildProcess.run(try DCMTK.tool("echoscu"), ["-aec", "SIMPACS", "127.0.0.1", String(base)]).status == 0)
        let move = try ChildProcess.run(try DCMTK.tool("movescu"), [
            "-S", "-aet", "MOVER", "-aec", "SIMPACS2", "-aem", "MOVER", "+P", String(destinationPort), "-od", directory.path,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(study)", "127.0.0.1", String(base + 1),
        ])
        #expect(move.status == 0, "\(move.stdout)\(move.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.count == 2, "\(files) \(move.stderr)")
        simulator.stop()
        #expect(!simulator.process.isRunning)
    }

    @Test("simulate --config with --count is a usage error (exit 2); a bad simulator file is invalid configuration (exit 3)")
    func usage() throws {
        let directory = try TemporaryDirectory(prefix: "simulate-usage")
        let file = directory.path + "/sim.ini"
        try "[server \"X\"]\nport = 70000\n".write(toFile: file, atomically: true, encoding: .utf8)
        let both = try ChildProcess.run(BuiltProducts.pacslink(), ["simulate", "--config", file, "--count", "2"], timeout: 20)
        #expect(both.status == 2, "\(both.stderr)")
        let bad = try ChildProcess.run(BuiltProducts.pacslink(), ["simulate", "--config", file], timeout: 20)
        #expect(bad.status == 3, "\(bad.stderr)")
        #expect(bad.stderr.contains("sim.ini:2"), "\(bad.stderr)")
    }
}
