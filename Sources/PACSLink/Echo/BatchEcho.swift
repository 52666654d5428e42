import DICOMTransport

/// C-ECHO many PACS at once (issue 7): one process, the loops of one group, at most
/// `concurrency` associations in flight. A target costs its socket while in flight and its
/// result afterwards — no thread, no task: `concurrency` workers, bound to the loops and
/// preferring them as task executor, claim the targets one by one.
public enum BatchEcho {
    /// What the workers of one sweep share.
    struct Sweep: Sendable {
        let targets: [EchoTarget]
        /// Per target: its TLS context (nil: plain TCP), built once per distinct configuration,
        /// or the failure building it.
        let tls: [Result<TLSContext?, EchoFailure>]
        let options: BatchEchoOptions
        let deadline: ContinuousClock.Instant?
        let queue: BatchEchoQueue
    }

    /// Echoes every target; `progress` is called (on a loop thread) after each one finishes.
    /// The report's results are sorted by name, host, port and called AE title.
    public static func run(
        _ targets: [EchoTarget], options: BatchEchoOptions = BatchEchoOptions(), group: EventLoopGroup,
        progress: (@Sendable (BatchEchoProgress) -> Void)? = nil
    ) async -> BatchEchoReport {
        let start = ContinuousClock.now
        let sweep = Sweep(
            targets: targets, tls: tlsContexts(for: targets), options: options,
            deadline: options.deadline.map { start + $0 }, queue: BatchEchoQueue(total: targets.count))
        let indexed = await withTaskGroup(of: [(index: Int, result: EchoResult)].self) { workers in
            for _ in 0..<min(options.concurrency, targets.count) {
                let loop = group.next()
                let worker = BatchEchoWorker(on: loop)
                workers.addTask(executorPreference: loop) { await worker.run(sweep, progress: progress) }
            }
            var all: [(index: Int, result: EchoResult)] = []
            all.reserveCapacity(targets.count)
            for await results in workers { all += results }
            return all
        }
        return BatchEchoReport(results: indexed.map(\.result), elapsed: .now - start)
    }

    /// One context per distinct TLS configuration: a thousand TLS targets sharing a CA load it
    /// once.
    static func tlsContexts(for targets: [EchoTarget]) -> [Result<TLSContext?, EchoFailure>] {
        var built: [(TLSConfiguration, Result<TLSContext?, EchoFailure>)] = []
        return targets.map { target in
            guard let configuration = target.tls else { return .success(nil) }
            if let known = built.first(where: { $0.0 == configuration }) { return known.1 }
            let context = Result<TLSContext?, EchoFailure> { () throws(EchoFailure) in try EchoSCU.tlsContext(configuration) }
            built.append((configuration, context))
            return context
        }
    }
}
