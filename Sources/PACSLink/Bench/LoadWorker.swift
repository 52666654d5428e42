import DICOMTransport

/// One worker of a load run: an actor on an event loop, so its associations (bound to the same
/// loop) are entered without a thread hop, and a whole run costs one await from outside.
actor LoadWorker: LoopBoundActor {
    nonisolated let eventLoop: EventLoop
    private let scenario: any LoadScenario
    private let request: AssociationRequest
    private var tally = LoadTally()

    init(_ scenario: any LoadScenario, on loop: EventLoop) {
        eventLoop = loop
        self.scenario = scenario
        request = scenario.associationRequest
    }

    /// Runs operations while `budget` lasts, each on an association of its own (churn) or in
    /// one kept open (`reuse`).
    func run(_ budget: LoadBudget, reuse: Bool) async -> LoadTally {
        var budget = budget
        if reuse {
            await repeatInOneAssociation(&budget)
        } else {
            while budget.claim() { await churn() }
        }
        return tally
    }

    /// Connect, negotiate, one operation, release, close; the latency spans all of it.
    private func churn() async {
        let start = ContinuousClock.now
        guard let association = await open(since: start) else { return }
        var outcome = await scenario.perform(on: association, messageID: 1)
        if await association.failure != nil {
            await association.abort()
        } else {
            do {
                try await association.release()
            } catch {
                outcome.failure = outcome.failure ?? EchoFailure(error)
            }
        }
        tally.record(outcome, since: start)
    }

    /// Operations in one association, replaced when it fails; released when the budget ends.
    private func repeatInOneAssociation(_ budget: inout LoadBudget) async {
        var association: Association?
        var messageID: UInt16 = 0
        while budget.claim() {
            let start = ContinuousClock.now
            if association == nil { association = await open(since: start) }
            guard let current = association else { continue }
            messageID = messageID == .max ? 1 : messageID + 1
            let operationStart = ContinuousClock.now
            let outcome = await scenario.perform(on: current, messageID: messageID)
            tally.record(outcome, since: operationStart)
            if await current.failure != nil {
                await current.abort()
                association = nil
            }
        }
        if let association {
            do {
                try await association.release()
            } catch {
                await association.abort()
            }
        }
    }

    /// An established association, or `nil` with the failure counted against the operation.
    private func open(since start: ContinuousClock.Instant) async -> Association? {
        do {
            let association = try await Association.request(request, on: eventLoop)
            tally.associations += 1
            return association
        } catch {
            tally.record(.failed(EchoFailure(error)), since: start)
            return nil
        }
    }
}
