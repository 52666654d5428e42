import DICOMTransport
import Testing
@testable import PACSLink

@Suite("Batch echo report: order, counts and summary line")
struct BatchEchoReportTests {
    private func result(_ name: String?, host: String = "h", port: UInt16 = 104, _ failure: EchoFailure.Class? = nil) -> EchoResult {
        EchoResult(
            target: EchoTarget(name: name, host: host, port: port, calledAETitle: "AE"), timings: .init(AssociationTimings()),
            failure: failure.map { EchoFailure($0, phase: "connect", message: "m") })
    }

    @Test("Results sort by name (case-insensitively), targets without one by host, then port")
    func order() {
        let report = BatchEchoReport(results: [
            result("beta"), result(nil, host: "10.0.0.2", port: 11112), result("Alpha"), result(nil, host: "10.0.0.2", port: 104),
            result("alpha"),
        ], elapsed: .seconds(1))
        #expect(report.results.map { $0.target.name ?? "\($0.target.host):\($0.target.port)" }
            == ["10.0.0.2:104", "10.0.0.2:11112", "Alpha", "alpha", "beta"])
    }

    @Test("Summary: ok and failed, failures by class most frequent first, elapsed seconds")
    func summary() {
        let report = BatchEchoReport(results: [
            result("a"), result("b", .timeout), result("c", .connectionRefused), result("d", .connectionRefused),
            result("e", .rejected),
        ], elapsed: .milliseconds(1520))
        #expect(report.succeeded == 1 && report.failed == 4 && !report.allSucceeded)
        #expect(report.failuresByClass.map(\.failureClass) == [.connectionRefused, .timeout, .rejected])
        #expect(report.summary == "5 targets: 1 ok, 4 failed (2 connection refused, 1 timeout, 1 association rejected) in 1.52 s")
        #expect(BatchEchoReport(results: [result("a")], elapsed: .zero).summary == "1 target: 1 ok, 0 failed in 0.00 s")
    }

    @Test("Echo times of one association: mean, minimum, maximum and count; none leaves them empty")
    func echoTimes() {
        var timings = EchoResult.Timings(AssociationTimings())
        timings.record(echoes: [.milliseconds(3), .milliseconds(1), .milliseconds(5)])
        #expect(timings.echoes == 3 && timings.echo == .milliseconds(3))
        #expect(timings.echoMinimum == .milliseconds(1) && timings.echoMaximum == .milliseconds(5))
        var none = EchoResult.Timings(AssociationTimings())
        none.record(echoes: [])
        #expect(none.echoes == 0 && none.echo == nil && none.echoMinimum == nil)
    }
}
