// Association churn and echo round trips over loopback, in one process: our SCU
// (`LoadGenerator` with `EchoLoad`) against our SCP (`VerificationListener`), on one
// EventLoopGroup of two loops shared by both sides (PS3.8 §9.2 association establishment and
// release, PS3.7 §9.1.5 C-ECHO). One iteration is `scaledIterations` operations; the
// listener starts in `setup` and stops in `teardown`, so only the exchanges are measured.
import Benchmark
import DICOMTransport
import PACSLink

/// The in-process peer: started by setup, read by the benchmark closures, stopped by teardown
/// (the tool runs these one after another, never concurrently).
nonisolated(unsafe) private var rig: LoopbackRig?

private struct LoopbackRig {
    let group: EventLoopGroup
    let acceptor: MultiplexedAcceptor
    let echo: EchoLoad

    static func start() async throws -> LoopbackRig {
        let group = EventLoopGroup(loopCount: 2)
        let acceptor = try VerificationListener.make(
            ports: [0], aeTitle: "BENCHSCP", open: false, maximumAssociations: 1024, group: group, onEvent: { _ in })
        guard let port = try await acceptor.start().first?.port else { fatalError("the listener bound no port") }
        let echo = try EchoLoad(EchoTarget(host: "127.0.0.1", port: port, calledAETitle: "BENCHSCP", callingAETitle: "BENCHSCU"))
        return LoopbackRig(group: group, acceptor: acceptor, echo: echo)
    }

    func stop() async {
        await acceptor.stop()
        group.shutdown()
    }

    /// Runs `count` operations and fails loudly if one failed (a broken exchange must not pass
    /// as a fast one).
    func run(_ count: Int, concurrency: Int, reuse: Bool) async {
        let report = await LoadGenerator.run(
            echo, LoadConfiguration(concurrency: concurrency, stop: .count(count), reusesAssociations: reuse), group: group)
        precondition(report.failed == 0, "failures: \(report.failures)")
        blackHole(report.succeeded)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 20,
        // Checked against Thresholds/ (p90). Loopback on two shared cores is noisy, so time flags
        // only a doubling; malloc counts are steady and flag 5%.
        thresholds: [
            .wallClock: BenchmarkThresholds(relative: [.p90: 100]),
            .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5]),
        ],
        setup: { rig = try await LoopbackRig.start() },
        teardown: {
            await rig?.stop()
            rig = nil
        })

    Benchmark("AssociationChurn.Serial") { benchmark async in
        await rig?.run(benchmark.scaledIterations.count, concurrency: 1, reuse: false)
    }

    Benchmark("AssociationChurn.Concurrent64") { benchmark async in
        await rig?.run(benchmark.scaledIterations.count, concurrency: 64, reuse: false)
    }

    // Opening the one association is part of each iteration (about one echo's worth of time).
    Benchmark("CEchoRoundTrips.OneAssociation") { benchmark async in
        await rig?.run(benchmark.scaledIterations.count, concurrency: 1, reuse: true)
    }
}
