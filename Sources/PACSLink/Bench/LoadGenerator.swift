import DICOMTransport

/// Runs a `LoadScenario` against a peer: `concurrency` workers spread over the loops of a
/// group, each repeating the operation until the configuration's stop, and one report.
///
/// The workers live on the loops (see `LoadWorker`), in tasks that prefer their loop as task
/// executor, so that the associations' continuations resume on the loop rather than on the
/// global pool: the caller awaits the whole run once, and no operation leaves its loop thread.
public enum LoadGenerator {
    public static func run(
        _ scenario: some LoadScenario, _ configuration: LoadConfiguration, group: EventLoopGroup
    ) async -> LoadReport {
        let start = ContinuousClock.now
        let reuse = configuration.reusesAssociations
        let tally = await withTaskGroup(of: LoadTally.self) { tasks in
            for budget in configuration.budgets(startingAt: start) {
                let loop = group.next()
                let worker = LoadWorker(scenario, on: loop)
                tasks.addTask(executorPreference: loop) { await worker.run(budget, reuse: reuse) }
            }
            var total = LoadTally()
            for await tally in tasks { total.merge(tally) }
            return total
        }
        return LoadReport(
            scenario: scenario.name, itemName: scenario.itemName, configuration: configuration, tally: tally, elapsed: ContinuousClock.now - start)
    }
}
