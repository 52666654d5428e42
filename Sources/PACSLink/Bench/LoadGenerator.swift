import DICOMTransport

/// Runs a `LoadScenario` against a peer: `concurrency` workers spread over the loops of a
/// group, each repeating the operation until the configuration's stop, and one report.
///
/// The workers live on the loops (see `LoadWorker`): the caller awaits the whole run once,
/// and no operation hops to the global pool.
public enum LoadGenerator {
    public static func run(
        _ scenario: some LoadScenario, _ configuration: LoadConfiguration, group: EventLoopGroup
    ) async -> LoadReport {
        let start = ContinuousClock.now
        let reuse = configuration.reusesAssociations
        let tally = await withTaskGroup(of: LoadTally.self) { tasks in
            for budget in configuration.budgets(startingAt: start) {
                let worker = LoadWorker(scenario, on: group.next())
                tasks.addTask { await worker.run(budget, reuse: reuse) }
            }
            var total = LoadTally()
            for await tally in tasks { total.merge(tally) }
            return total
        }
        return LoadReport(
            scenario: scenario.name, configuration: configuration, tally: tally, elapsed: ContinuousClock.now - start)
    }
}
