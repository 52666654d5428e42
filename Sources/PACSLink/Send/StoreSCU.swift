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
        func finish(_ result: SendFileResult) {
            results.append(result)
            events(.finished(result))
        }
        while !pending.isEmpty {
            if Task.isCancelled {
                pending.forEach { finish(SendFileResult(path: $0.path, file: $0, outcome: .notSent("interrupted"))) }
                break
            }
            let association: any StoreAssociation
            do {
                association = try await opener.open(proposing: plan.contexts)
            } catch {
                let reason = Task.isCancelled ? SendFileResult.Outcome.notSent("interrupted") : .failed("\(error)")
                pending.forEach { finish(SendFileResult(path: $0.path, file: $0, outcome: reason)) }
                break
            }
            let answers = await association.contextResults()
            var messageID: UInt16 = 0
            var broken = false
            while let file = pending.first, !broken {
                pending = pending.dropFirst()
                if Task.isCancelled {
                    finish(SendFileResult(path: file.path, file: file, outcome: .notSent("interrupted")))
                    continue
                }
                let contextID = plan.contextID(for: file)
                let refusal = Self.refusal(contextID.flatMap { answers[$0] }, for: file)
                guard let contextID, refusal == nil else {
                    finish(SendFileResult(path: file.path, file: file, outcome: .failed(refusal ?? "no presentation context was proposed")))
                    continue
                }
                messageID &+= 1
                let outcome = await store(file, messageID: messageID, contextID: contextID, on: association, events: events)
                broken = outcome.breaksAssociation
                finish(SendFileResult(path: file.path, file: file, outcome: outcome.result))
            }
            if broken || Task.isCancelled {
                await association.abort()
            } else {
                try? await association.release()
            }
        }
        return results
    }

    /// A file's outcome, and whether the association is still usable after it.
    struct StoreOutcome {
        var result: SendFileResult.Outcome
        var breaksAssociation: Bool
    }

    private func store(
        _ file: SendFile, messageID: UInt16, contextID: UInt8, on association: any StoreAssociation,
        events: @escaping @Sendable (SendEvent) -> Void
    ) async -> StoreOutcome {
        let chunks: DataSetChunks
        do {
            chunks = try DataSetChunks(file) { events(.bytes($0)) }
        } catch {
            return StoreOutcome(result: .failed(error.detailWithOffset), breaksAssociation: false)
        }
        let request = CStoreRQ(
            messageID: messageID, affectedSOPClassUID: file.sopClassUID, affectedSOPInstanceUID: file.sopInstanceUID,
            priority: priority)
        do {
            let response = try await withTaskCancellationHandler {
                try await association.store(request, contextID: contextID, dataSet: chunks)
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
