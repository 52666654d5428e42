import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// `DemoScenario`: the main job end to end against in-process simulators.
@Suite("Demo scenario")
struct DemoScenarioTests {
    @Test("PS3.4 A, C.4.1, C.4.2, B: every step succeeds, in order; the study's instances are retrieved into --out and stored back")
    func fullRun() async throws {
        let directory = try TemporaryDirectory(prefix: "demo-scenario")
        let out = directory.path + "/out"
        let demo = DemoScenario(outputFolder: out)
        var heard: [DemoStep] = []
        let report = await demo.run { heard.append($0) }
        #expect(report.succeeded, "\(report.steps)")
        #expect(report.steps.map(\.kind) == DemoStep.Kind.allCases)
        #expect(heard == report.steps)
        let studies = Set(demo.studies.makeDatabase().studySummaries.map(\.studyInstanceUID))
        #expect(report.retrievedFiles.count == demo.studies.seriesPerStudy * demo.studies.instancesPerSeries)
        let studyFolders = Set(report.retrievedFiles.map { URL(fileURLWithPath: $0).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent })
        #expect(studyFolders.count == 1 && studyFolders.isSubset(of: studies), "\(studyFolders)")
        for file in report.retrievedFiles {
            #expect(file.hasPrefix(out + "/RetrievedFiles/"))
            #expect(FileManager.default.fileExists(atPath: file))
        }
        // --out keeps the files but not the temporary servers file.
        #expect(report.kept)
        #expect(!FileManager.default.fileExists(atPath: report.configurationFile))
    }

    @Test("Without --out or --keep the temporary folder, servers file and files included, is removed")
    func removesTemporaryFiles() async throws {
        let report = await DemoScenario().run()
        #expect(report.succeeded, "\(report.steps)")
        #expect(!report.kept && report.retrievedFiles.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: report.configurationFile).deletingLastPathComponent().path))
        #expect(!FileManager.default.fileExists(atPath: report.outputFolder))
    }

    @Test("The first failure ends the demo: a PACS with no study fails C-FIND, and nothing is retrieved or sent")
    func stopsAtFirstFailure() async throws {
        var demo = DemoScenario(keep: true)
        demo.studies.studies = 0
        let report = await demo.run()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: report.configurationFile).deletingLastPathComponent().path) }
        #expect(!report.succeeded)
        #expect(report.steps.map(\.kind) == [.listen, .simulate, .register, .echo, .find])
        #expect(report.steps.map(\.succeeded) == [true, true, true, true, false])
        #expect(report.steps.last?.details.last == "no study found")
        #expect(report.retrievedFiles.isEmpty)
    }
}
