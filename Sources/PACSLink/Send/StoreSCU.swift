import DICOMProtocol

/// The Storage Service Class as SCU (PS3.4 Annex B): sends a `SendPlan`'s files with
/// C-STORE, its lanes in parallel. Never throws: every file gets a result.
///
/// A file goes on the accepted context of its SOP class and transfer syntax; when the peer
/// refused that context, the file fails with the peer's reason (nothing is transcoded). A
/// C-STORE that throws (a read error, an abort) fails its file; the association is aborted
/// and a new one carries the files left. When the task is cancelled (Ctrl-C), the open
/// associations are aborted and every file not yet stored is reported as not sent.
public struct StoreSCU: Sendable {
    public let opener: any StoreAssociationOpener
    public let priority: Priority

    public init(opener: any StoreAssociationOpener, priority: Priority = .medium) {
        self.opener = opener
        self.priority = priority
    }

    /// Sends every file of `plan`; results in the plan's order (lane by lane).
    public func send(_ plan: SendPlan, events: @escaping @Sendable (SendEvent) -> Void = { _ in }) async -> [SendFileResult] {
        await withTaskGroup(of: (Int, [SendFileResult]).self) { group in
            for (index, lane) in plan.lanes.enumerated() {
                group.addTask {
                    var results: [SendFileResult] = []
                    for association in lane {
                        results += await send(association, events: events)
                    }
                    return (index, results)
                }
            }
            var byLane = [[SendFileResult]](repeating: [], count: plan.lanes.count)
            for await (index, results) in group { byLane[index] = results }
            return byLane.flatMap { $0 }
        }
    }

    /// One planned association; re-opened for the files left when a C-STORE breaks it.
    /// Results in the plan's order.
    func send(_ plan: SendPlan.Association, events: @escaping @Sendable (SendEvent) -> Void) async -> [SendFileResult] {
        var results: [(index: Int, result: SendFileResult)] = []
        var pending = Array(plan.files.indices)
        func notSent(_ outcome: SendFileResult.Outcome) {
            for index in pending {
                let result = SendFileResult(path: plan.files[index].path, file: plan.files[index], outcome: outcome)
                results.append((index, result))
                events(.finished(result))
            }
        }
        while !pending.isEmpty {
            if Task.isCancelled {
                notSent(.notSent("interrupted"))
                break
            }
            let association: any StoreAssociation
            do {
                association = try await opener.open(proposing: plan.contexts)
            } catch {
                notSent(Task.isCancelled ? .notSent("interrupted") : .failed("\(error)"))
                break
            }
            let files = pending
            let done = await withTaskExecutorPreference(association.executor) {
                await send(files, plan: plan, over: association, events: events, isolation: association.isolation)
            }
            results += done.results
            pending = done.left
            if done.broken || Task.isCancelled {
                await association.abort()
            } else {
                try? await association.release()
            }
        }
        var ordered = [SendFileResult?](repeating: nil, count: plan.files.count)
        for (index, result) in results { ordered[index] = result }
        return ordered.compactMap { $0 }
    }

    /// Sends the files of `plan` at `indices` over `association`, isolated to it (its event
    /// loop): each C-STORE starts without an executor switch and its response comes back as a
    /// callback on the loop (`StoreAssociation.start`). A task on the global pool
    /// opens the files and encodes their messages ahead (`ReadAhead`), so the loop only writes
    /// and reads. Up to the association's operations window (PS3.7 §D.3.3.3) C-STOREs are
    /// outstanding at once, each response matched to its file by Message ID.
    ///
    /// Returns the results of the files done, the files left for a new association, and
    /// whether the association broke. When it breaks, the files whose C-STORE was in flight
    /// are retried on a new one, except the one that broke it: a file that failed on its own
    /// (a read error), else the first to fail — one file is charged per broken association,
    /// as without a window. An interrupted send (Ctrl-C) retries nothing.
    private func send(
        _ indices: [Int], plan: SendPlan.Association, over association: any StoreAssociation,
        events: @escaping @Sendable (SendEvent) -> Void, isolation: isolated (any Actor)?
    ) async -> (results: [(index: Int, result: SendFileResult)], left: [Int], broken: Bool) {
        let answers = await association.contextResults()
        let maximumLength = await association.peerMaximumLength()
        let window = max(1, await association.operationsWindow())
        let fileSpans = await association.sendsFileSpans()
        let contextIDs = indices.map { index -> Result<UInt8, StoreRefusal> in
            let file = plan.files[index]
            let contextID = plan.contextID(for: file)
            let refusal = Self.refusal(contextID.flatMap { answers[$0] }, for: file)
            guard let contextID, refusal == nil else {
                return .failure(StoreRefusal(reason: refusal ?? "no presentation context was proposed"))
            }
            return .success(contextID)
        }
        let toRead = zip(indices, contextIDs).compactMap { index, id in (try? id.get()).map { (plan.files[index], $0) } }
        let readAhead = ReadAhead<Result<StoreMessage, FileError>>()
        let reader = Task.detached { [priority] in
            var messageID: UInt16 = 0
            for (file, contextID) in toRead {
                messageID &+= 1
                let request = CStoreRQ(
                    messageID: messageID, affectedSOPClassUID: file.sopClassUID,
                    affectedSOPInstanceUID: file.sopInstanceUID, priority: priority)
                let message = Result { () throws(FileError) in
                    try StoreMessage(
                        file, request: request, contextID: contextID, peerMaximumLength: maximumLength, fileSpans: fileSpans
                    ) { events(.bytes($0)) }
                }
                let cost = min((try? message.get())?.dataSetLength ?? 0, StoreMessage.chunkLength)
                guard !Task.isCancelled, await readAhead.push(message, bytes: cost) else { break }
            }
            readAhead.finish()
        }
        defer {
            reader.cancel()
            readAhead.cancel()
        }
        var results: [(index: Int, result: SendFileResult)] = []
        var left: [Int] = []
        func finish(_ index: Int, _ outcome: SendFileResult.Outcome) {
            let result = SendFileResult(path: plan.files[index].path, file: plan.files[index], outcome: outcome)
            results.append((index, result))
            events(.finished(result))
        }
        // The C-STOREs that broke the association (or failed with it), until all are in.
        var casualties: [(index: Int, outcome: StoreOutcome)] = []
        func collect(_ done: (index: Int, outcome: StoreOutcome)) {
            if done.outcome.breaksAssociation {
                casualties.append(done)
            } else {
                finish(done.index, done.outcome.result)
            }
        }
        // Each response comes back through the association's callback: no task per C-STORE.
        // The sender waits only for room in the window (with a window of 1, for the previous
        // response); an interrupt aborts the association, which fails what is in flight.
        let outstanding = OutstandingStores()
        await withTaskCancellationHandler {
            for (index, contextID) in zip(indices, contextIDs) {
                outstanding.takeDone().forEach(collect)
                if case .failure(let refusal) = contextID {
                    finish(index, .failed(refusal.reason))
                    continue
                }
                if !casualties.isEmpty {
                    left.append(index)
                    continue
                }
                guard !Task.isCancelled, let message = await readAhead.next(), !Task.isCancelled else {
                    finish(index, .notSent("interrupted"))
                    continue
                }
                switch message {
                case .failure(let error):
                    finish(index, .failed(error.detailWithOffset))
                case .success(let message):
                    await outstanding.wait(untilBelow: window)
                    outstanding.takeDone().forEach(collect)
                    guard casualties.isEmpty else {
                        left.append(index)
                        continue
                    }
                    outstanding.started()
                    do {
                        try await association.start(message) { outstanding.finished(index, Self.outcome($0)) }
                    } catch {
                        outstanding.finished(index, Self.outcome(.failure(error)))
                    }
                }
            }
            await outstanding.wait(untilBelow: 1)
            outstanding.takeDone().forEach(collect)
        } onCancel: {
            Task { await association.abort() }
        }
        // One file is charged per broken association: one that failed on its own, else the
        // first to fail; the others are retried (nothing is retried once interrupted).
        let charged = casualties.contains { !$0.outcome.retryable } ? casualties.filter { !$0.outcome.retryable } : Array(casualties.prefix(1))
        for casualty in casualties {
            if Task.isCancelled {
                // A store can fail with the abort before its own task is marked cancelled.
                finish(casualty.index, casualty.outcome.retryable ? Self.interruptedWhileSending : casualty.outcome.result)
            } else if charged.contains(where: { $0.index == casualty.index }) {
                finish(casualty.index, casualty.outcome.result)
            } else {
                left.append(casualty.index)
            }
        }
        return (results, left.sorted(), !casualties.isEmpty)
    }

    /// A file whose C-STORE was in flight when the send was interrupted.
    static let interruptedWhileSending = SendFileResult.Outcome.notSent("interrupted while sending; the peer did not confirm it")

    /// Why a file has no context to go on.
    private struct StoreRefusal: Error {
        var reason: String
    }

    /// A file's outcome, whether the association is still usable after it, and whether the
    /// failure was the association's rather than the file's (another association may succeed).
    struct StoreOutcome {
        var result: SendFileResult.Outcome
        var breaksAssociation: Bool
        var retryable = false
    }

    /// A C-STORE's outcome from its response, or from why there is none: a read error fails the
    /// file alone; any other error broke the association, and the file may go on a new one.
    static func outcome(_ response: Result<CStoreRSP, any Error>) -> StoreOutcome {
        switch response {
        case .success(let response):
            let outcome: SendFileResult.Outcome = response.status.category == .failure
                ? .refused(response.status, errorComment: response.errorComment)
                : .stored(response.status, errorComment: response.errorComment)
            return StoreOutcome(result: outcome, breaksAssociation: false)
        case .failure(let error as FileError):
            return StoreOutcome(result: .failed(error.detailWithOffset), breaksAssociation: true)
        case .failure(let error):
            return StoreOutcome(result: .failed("\(error)"), breaksAssociation: true, retryable: true)
        }
    }

    /// Why `file` cannot go on the context the peer answered with `answer`, or `nil` when it can.
    static func refusal(_ answer: PresentationContextAC?, for file: SendFile) -> String? {
        let prefix = "no accepted presentation context: "
        guard let answer else { return prefix + "the peer did not answer the proposed context" }
        switch answer.result {
        case .acceptance:
            guard answer.transferSyntax == file.transferSyntax.uid else {
                return prefix + "the peer accepted \(TransferSyntax(uid: answer.transferSyntax).name) instead of "
                    + "\(file.transferSyntax.name) — PACSLink does not transcode"
            }
            return nil
        case .abstractSyntaxNotSupported:
            return prefix + "abstract syntax not supported (\(Self.name(ofSOPClass: file.sopClassUID)))"
        case .transferSyntaxesNotSupported:
            return prefix + "transfer syntax not supported (\(file.transferSyntax.name)) — PACSLink does not transcode"
        case .userRejection, .providerRejection, .reserved:
            return prefix + "\(answer.result)"
        }
    }

    private static func name(ofSOPClass uid: String) -> String {
        SOPClass.lookup(uid: uid)?.description ?? uid
    }
}
