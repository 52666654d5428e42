import DICOMProtocol
import DICOMTransport
import PACSLink
import TestSupport
import Testing

/// The load generator against our own Verification SCP on loopback, and against peers that
/// refuse or reject: counts, percentiles and failure classes.
@Suite("Bench: load generator (PS3.4 Annex A C-ECHO load)")
struct BenchLoadGeneratorTests {
    /// Runs `body` with a Verification SCP listening as BENCHSCP on a free port.
    private func withListener(_ body: (EventLoopGroup, UInt16) async throws -> Void) async throws {
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let acceptor = try VerificationListener.make(
            ports: [0], aeTitle: "BENCHSCP", open: false, group: group, onEvent: { _ in })
        let port = try #require(try await acceptor.start().first).port
        try await body(group, port)
        await acceptor.stop()
    }

    private func echo(port: UInt16, calledAETitle: String = "BENCHSCP") throws -> EchoLoad {
        try EchoLoad(EchoTarget(host: "127.0.0.1", port: port, calledAETitle: calledAETitle, callingAETitle: "BENCHSCU",
                                timeout: .seconds(5)))
    }

    private func expectOrderedPercentiles(_ latency: LoadReport.Latency?) throws {
        let latency = try #require(latency)
        #expect(latency.p50 > .zero)
        #expect(latency.p50 <= latency.p90 && latency.p90 <= latency.p99 && latency.p99 <= latency.p999)
        #expect(latency.p999 <= latency.max && latency.max < .seconds(5))
    }

    @Test("Association churn: --count N gives N successes, one association each, ordered percentiles")
    func churnCount() async throws {
        try await withListener { group, port in
            let report = await LoadGenerator.run(
                try echo(port: port), LoadConfiguration(concurrency: 4, stop: .count(50)), group: group)
            #expect(report.succeeded == 50)
            #expect(report.failures.isEmpty)
            #expect(report.associations == 50)
            #expect(report.operationsPerSecond > 0)
            try expectOrderedPercentiles(report.latency)
        }
    }

    @Test("--reuse: N echoes over one association per worker")
    func reuseCount() async throws {
        try await withListener { group, port in
            let report = await LoadGenerator.run(
                try echo(port: port), LoadConfiguration(concurrency: 3, stop: .count(301), reusesAssociations: true),
                group: group)
            #expect(report.succeeded == 301)
            #expect(report.failed == 0)
            #expect(report.associations == 3)
            try expectOrderedPercentiles(report.latency)
        }
    }

    @Test("--duration stops starting operations at the deadline")
    func duration() async throws {
        try await withListener { group, port in
            let report = await LoadGenerator.run(
                try echo(port: port), LoadConfiguration(concurrency: 2, stop: .duration(.milliseconds(300))), group: group)
            #expect(report.succeeded > 0)
            #expect(report.elapsed >= .milliseconds(300) && report.elapsed < .seconds(5))
        }
    }

    @Test("A refused port: every operation counted as connection refused in connect, no latency")
    func refused() async throws {
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let report = await LoadGenerator.run(
            try echo(port: FreePort.next()), LoadConfiguration(concurrency: 2, stop: .count(6)), group: group)
        #expect(report.succeeded == 0)
        #expect(report.latency == nil)
        #expect(report.failures.map(\.key) == [LoadReport.FailureKey(failureClass: .connectionRefused, phase: "connect")])
        #expect(report.failed == 6)
    }

    @Test("PS3.8 9.3.4 a wrong called AE: rejected in associate, with the decoded reason")
    func rejected() async throws {
        try await withListener { group, port in
            let report = await LoadGenerator.run(
                try echo(port: port, calledAETitle: "NOTUS"), LoadConfiguration(concurrency: 2, stop: .count(4)),
                group: group)
            let failure = try #require(report.failures.first)
            #expect(report.failures.count == 1)
            #expect(failure.key == LoadReport.FailureKey(failureClass: .rejected, phase: "associate"))
            #expect(failure.count == 4)
            #expect(failure.example.contains("called AE title not recognized"))
        }
    }
}
