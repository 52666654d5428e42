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
    func send(_ plan: SendPlan.Association, events: @escaping @Sendable (SendEvent) -> Void) async -> [SendFileResult] {
        var results: [SendFileResult] = []
        var pending = plan.files[...]
        func notSent(_ outcome: SendFileResult.Outcome) {
            for file in pending {
                let result = SendFileResult(path: file.path, file: file, outcome: outcome)
                results.append(result)
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
            let (sent, broken) = await withTaskExecutorPreference(association.executor) {
                await send(files, plan: plan, over: association, events: events, isolation: association.isolation)
            }
            results += sent
            pending = pending.dropFirst(sent.count)
            if broken || Task.isCancelled {
                await association.abort()
            } else {
                try? await association.release()
            }
        }
        return results
    }

    /// Sends `files` over `association`, isolated to it (its event loop): each C-STORE is
    /// awaited without an executor switch. A task on the global pool opens the files and
    /// encodes their messages ahead (`ReadAhead`), so the loop only writes and reads. Returns
    /// the results of the files done, in order, and whether the association broke (the files
    /// after the last result are then left for a new one).
    private func send(
        _ files: ArraySlice<SendFile>, plan: SendPlan.Association, over association: any StoreAssociation,
        events: @escaping @Sendable (SendEvent) -> Void, isolation: isolated (any Actor)?
    ) async -> (results: [SendFileResult], broken: Bool) {
        let answers = await association.contextResults()
        let maximumLength = await association.peerMaximumLength()
        let contextIDs = files.map { file -> Result<UInt8, StoreRefusal> in
            let contextID = plan.contextID(for: file)
            let refusal = Self.refusal(contextID.flatMap { answers[$0] }, for: file)
            guard let contextID, refusal == nil else {
                return .failure(StoreRefusal(reason: refusal ?? "no presentation context was proposed"))
            }
            return .success(contextID)
        }
        let toRead = zip(files, contextIDs).compactMap { file, id in (try? id.get()).map { (file, $0) } }
        let readAhead = ReadAhead<Result<StoreMessage, FileError>>()
        let reader = Task.detached { [priority] in
            var messageID: UInt16 = 0
            for (file, contextID) in toRead {
                messageID &+= 1
                let request = CStoreRQ(
                    messageID: messageID, affectedSOPClassUID: file.sopClassUID,
                    affectedSOPInstanceUID: file.sopInstanceUID, priority: priority)
                let message = Result { () throws(FileError) in
                    try StoreMessage(file, request: request, contextID: contextID, peerMaximumLength: maximumLength) {
                        events(.bytes($0))
                    }
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
        var results: [SendFileResult] = []
        func finish(_ file: SendFile, _ outcome: SendFileResult.Outcome) {
            let result = SendFileResult(path: file.path, file: file, outcome: outcome)
            results.append(result)
            events(.finished(result))
        }
        for (file, contextID) in zip(files, contextIDs) {
            if case .failure(let refusal) = contextID {
                finish(file, .failed(refusal.reason))
                continue
            }
            guard !Task.isCancelled, let message = await readAhead.next(), !Task.isCancelled else {
                finish(file, .notSent("interrupted"))
                continue
            }
            switch message {
            case .failure(let error):
                finish(file, .failed(error.detailWithOffset))
            case .success(let message):
                let outcome = await store(message, on: association)
                finish(file, outcome.result)
                if outcome.breaksAssociation { return (results, true) }
            }
        }
        return (results, false)
    }

    /// Why a file has no context to go on.
    private struct StoreRefusal: Error {
        var reason: String
    }

    /// A file's outcome, and whether the association is still usable after it.
    struct StoreOutcome {
        var result: SendFileResult.Outcome
        var breaksAssociation: Bool
    }

    private nonisolated(nonsending) func store(_ message: StoreMessage, on association: any StoreAssociation) async -> StoreOutcome {
        do {
            let response = try await withTaskCancellationHandler {
                try await association.store(message)
            } onCancel: {
                Task { await association.abort() }
            }
            let outcome: SendFileResult.Outcome = response.status.category == .failure
                ? .refused(response.status, errorComment: response.errorComment)
                : .stored(response.status, errorComment: response.errorComment)
            return StoreOutcome(result: outcome, breaksAssociation: false)
        } catch let error as FileError {
            return StoreOutcome(result: .failed(error.detailWithOffset), breaksAssociation: true)
        } catch {
            let outcome: SendFileResult.Outcome = Task.isCancelled
                ? .notSent("interrupted while sending; the peer did not confirm it") : .failed("\(error)")
            return StoreOutcome(result: outcome, breaksAssociation: true)
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
