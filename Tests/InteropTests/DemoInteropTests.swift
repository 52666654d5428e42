import Foundation
import Testing
import TestSupport

/// `pacslink demo` as a user runs it: the built binary, with a HOME of its own so no user
/// configuration can help or be touched.
@Suite("pacslink demo", .serialized)
struct DemoInteropTests {
    @Test("demo --out DIR --json: exit 0, every step ✓, and the files it says it retrieved exist and dcmdump reads them")
    func retrievedFilesAreDICOM() throws {
        let directory = try TemporaryDirectory(prefix: "demo-cli")
        let home = directory.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let out = directory.path + "/out"
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(), ["demo", "--out", out, "--json"], environment: ["HOME": home, "PACSLINK_CONFIG": ""], timeout: 30)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(document["succeeded"] as? Bool == true)
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == ["listen", "simulate", "register", "echo", "find", "retrieve", "send", "verify"])
        #expect(steps.allSatisfy { $0["succeeded"] as? Bool == true })
        let files = try #require(document["files"] as? [String])
        #expect(files.count == 6, "\(files)")
        let dcmdump = try DCMTK.tool("dcmdump")
        for file in files {
            #expect(file.hasPrefix(out + "/RetrievedFiles/"))
            let dump = try ChildProcess.run(dcmdump, [file], timeout: 20)
            #expect(dump.status == 0, "\(file): \(dump.stderr)")
            #expect(dump.stdout.contains("(0008,0018) UI [\(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)]"), "\(dump.stdout)")
        }
        // Nothing written to the user's configuration.
        #expect((try FileManager.default.contentsOfDirectory(atPath: home)).isEmpty)
    }

    @Test("demo without options: ✓ per step, exit 0, and the temporary files are gone afterwards")
    func plainRunCleansUp() throws {
        let directory = try TemporaryDirectory(prefix: "demo-cli-plain")
        let run = try ChildProcess.run(BuiltProducts.pacslink(), ["demo"], environment: ["HOME": directory.path], timeout: 30)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("✓ ") }.count == 8, "\(run.stdout)")
        #expect(!run.stdout.contains("✗"))
        #expect(run.stdout.contains("Demo succeeded"))
        let config = try #require(lines.first { $0.hasSuffix("\"Demo PACS\", \"Demo archive\"") }.map { String($0.drop(while: { $0 == " " })) })
        let file = String(config.prefix { $0 != ":" })
        #expect(file.hasSuffix("/servers.ini"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
