import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink doctor SERVER [--retrieve-test STUDY_UID] [--json] [--timeout SECONDS]`: runs the
/// steps of `Doctor` against a registered server and prints a table (step, verdict, time,
/// finding) with the advice for each step that was not ok under it, or one JSON document with
/// every step's data. Exit 0 when no step failed (warnings included), 1 otherwise.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Diagnose the query/retrieve path to a server, including the connection back to us.",
        discussion: "Steps: name resolution, TCP connect, TLS, association, C-ECHO, C-FIND, our listener, registration probe (C-MOVE to our AE), and with --retrieve-test a one-instance retrieve. See docs/troubleshooting.md.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var server: String
    @Option(help: ArgumentHelp("Retrieve one instance of this study and report how it arrived.", valueName: "STUDY_UID"))
    var retrieveTest: String?
    @Flag(help: "Print one JSON document with every step's data.") var json = false
    @Option(help: ArgumentHelp("Seconds any one network operation may take.", valueName: "SECONDS"))
    var timeout: Double = 10

    func run() async throws {
        let snapshot = try global.registry.load()
        let entry = try snapshot.server(named: server)
        guard timeout > 0 && timeout <= 3600 else { throw RegistryError(.invalid, "--timeout \(timeout): must be a number of seconds above 0") }
        if let retrieveTest {
            do { try UID.validate(retrieveTest, field: "--retrieve-test") } catch { throw RegistryError(.invalid, "\(error)") }
        }
        let group = EventLoopGroup(loopCount: 2)
        let report = await Doctor.diagnose(
            entry, local: snapshot.local,
            options: DoctorOptions(timeout: .milliseconds(Int64(timeout * 1000)), retrieveTestStudy: retrieveTest), group: group)
        group.shutdown()
        if json {
            Swift.print(report.json.serialized())
        } else {
            Swift.print(Self.render(report), terminator: "")
        }
        if report.failed { throw ExitCode.failure }
    }

    /// The table, then "Advice:" with one numbered line per step that was not ok.
    static func render(_ report: DoctorReport) -> String {
        var text = "pacslink doctor \(report.server): \(report.target), as AE \(report.ourAETitle), listen port \(report.listenPort)\n\n"
        let rows = report.steps.enumerated().map { index, step in
            ["\(index + 1)", step.kind.title, step.verdict.rawValue, step.duration.map { DoctorStep.milliseconds($0) + " ms" } ?? "-", step.finding]
        }
        text += Table.render([["#", "step", "verdict", "time", "finding"]] + rows)
        let advice = report.steps.enumerated().compactMap { index, step in step.advice.map { "\(index + 1). \(step.kind.title): \($0)" } }
        if !advice.isEmpty { text += "\nAdvice:\n" + advice.joined(separator: "\n") + "\n" }
        return text
    }
}
