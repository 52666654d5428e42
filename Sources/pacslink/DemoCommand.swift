import ArgumentParser
import DICOMProtocol
import Foundation
import PACSLink

/// `pacslink demo [--keep] [--out DIR] [--json]`: `DemoScenario` on loopback, each step printed
/// as it ends with ✓/✗ and its time, then where the retrieved files are. Exit 0 only when every
/// step succeeded. JSON: `{"succeeded", "steps": [{"step", "title", "succeeded", "ms",
/// "details"}], "output", "files", "config", "kept"}`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job against a simulated PACS started in this process: echo, find, retrieve, send.",
        discussion: """
            Needs nothing installed or configured: starts our Storage SCP and a simulated PACS on \
            free loopback ports, registers it in a temporary servers file (your own is not read \
            or changed), C-ECHOes it, C-FINDs its studies, C-MOVEs one into our listen port and \
            C-STOREs the files to a second simulated AE. Temporary files are removed at the end \
            unless --keep; with --out the retrieved files stay in DIR.
            """)

    @Flag(help: "Keep the temporary folder (servers file and retrieved files).") var keep = false
    @Option(help: ArgumentHelp("Retrieve into this folder, and keep it.", valueName: "DIR")) var out: String?
    @Flag(help: "Print one JSON document at the end instead of the steps.") var json = false

    func run() async throws {
        let json = self.json
        let report = await DemoScenario(outputFolder: out, keep: keep).run { step in
            if !json { Self.print(step) }
        }
        if json {
            Swift.print(Self.document(report).serialized())
        } else {
            Self.printEnding(report)
        }
        if !report.succeeded { throw ExitCode.failure }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    private static func print(_ step: DemoStep) {
        Swift.print("\(step.succeeded ? "✓" : "✗") \(step.title)  (\(milliseconds(step.duration)) ms)")
        for line in step.details { Swift.print("    \(line)") }
    }

    private static func printEnding(_ report: DemoReport) {
        let total = report.steps.reduce(Duration.zero) { $0 + $1.duration }
        if report.succeeded {
            Swift.print("Demo succeeded in \(milliseconds(total)) ms.")
        } else {
            Swift.print("Demo failed.")
        }
        if report.kept && !report.retrievedFiles.isEmpty {
            Swift.print("The retrieved files are under \(report.outputFolder)/RetrievedFiles:")
            for file in report.retrievedFiles { Swift.print("    \(file)") }
        }
        if report.kept && FileManager.default.fileExists(atPath: report.configurationFile) {
            Swift.print("The temporary servers file is kept: \(report.configurationFile)")
        } else if !report.kept {
            Swift.print("Temporary files removed; run `pacslink demo --keep` or `--out DIR` to keep the retrieved files.")
        }
    }

    private static func document(_ report: DemoReport) -> JSONValue {
        .object([
            ("succeeded", .bool(report.succeeded)),
            ("steps", .array(report.steps.map { step in
                .object([
                    ("step", .string(step.kind.rawValue)), ("title", .string(step.title)), ("succeeded", .bool(step.succeeded)),
                    ("ms", .number(milliseconds(step.duration))), ("details", .array(step.details.map { .string($0) })),
                ])
            })),
            ("output", .string(report.outputFolder)), ("files", .array(report.retrievedFiles.map { .string($0) })),
            ("config", .string(report.configurationFile)), ("kept", .bool(report.kept)),
        ])
    }
}
