import DICOMTransport

/// One lane of a sweep: an actor on an event loop that echoes targets one after another,
/// claiming each from the shared queue. Its associations live on the same loop, so a target
/// costs no thread hop: `concurrency` workers are the only tasks a sweep has, whatever the
/// number of targets.
actor BatchEchoWorker: LoopBoundActor {
    nonisolated let eventLoop: EventLoop

    init(on loop: EventLoop) {
        eventLoop = loop
    }

    /// Echoes targets until the queue is empty; returns each result with its target's index.
    func run(
        _ sweep: BatchEcho.Sweep, progress: (@Sendable (BatchEchoProgress) -> Void)?
    ) async -> [(index: Int, result: EchoResult)] {
        var results: [(index: Int, result: EchoResult)] = []
        while let index = sweep.queue.claim() {
            let target = sweep.targets[index]
            let result: EchoResult
            switch sweep.tls[index] {
            case .failure(let failure):
                result = EchoResult(target: target, timings: .init(AssociationTimings()), failure: failure)
            case .success(let context):
                result = await EchoSCU.echo(
                    target, on: eventLoop, repeat: sweep.options.repeatCount, deadline: sweep.deadline, tls: context)
            }
            results.append((index, result))
            let counts = sweep.queue.finished(failed: !result.succeeded)
            progress?(BatchEchoProgress(done: counts.done, failed: counts.failed, total: sweep.queue.total, latest: result))
        }
        return results
    }
}
