import DICOMProtocol
import DICOMTransport

/// What C-MOVE and C-GET SCPs share (PS3.4 §C.4.2.2, §C.4.3.2): find the instances the
/// identifier names, send each by a C-STORE sub-operation, a Pending response with the counts
/// after each (PS3.4 §C.4.2.1.5), and a final response: Success, or 0xB000 when some failed or
/// had warnings (with the Failed SOP Instance UID List, PS3.4 §C.4.2.1.6), or Cancel
/// (0xFE00) after a C-CANCEL-RQ.
extension SimulatorSCP {
    /// Where the sub-operations go: a sub-association (C-MOVE) or the request's own association
    /// (C-GET, where the requestor must have taken the SCP role for the storage class).
    struct SubOperationTarget {
        let association: Association
        /// Move Originator AE Title and Message ID for the C-STORE-RQs (PS3.7 §9.1.1.1.7–8).
        let originator: (aeTitle: String, messageID: UInt16)?
        let requireRequestorSCP: Bool
    }

    /// A refusal before any sub-operation: the final status and its error comment.
    struct Refusal: Error {
        let status: DIMSEStatus
        let comment: String
    }

    /// The counts so far.
    struct Progress {
        var remaining: Int
        var completed = 0
        var failed = 0
        var warning = 0
        var failedSOPInstanceUIDs: [String] = []

        var counts: SubOperationCounts {
            SubOperationCounts(
                remaining: UInt16(clamping: remaining), completed: UInt16(clamping: completed), failed: UInt16(clamping: failed),
                warning: UInt16(clamping: warning))
        }
    }

    /// Runs a retrieve and sends its responses; returns the last counts and the final status.
    /// `target` opens where the sub-operations go (or refuses), `finished` closes it before
    /// the final response.
    func retrieve<Response: RetrieveResponse>(
        _: Response.Type, messageID: UInt16, sopClassUID: String, identifier bytes: [UInt8],
        sopClass: (QueryModel) -> SOPClass, context: AcceptedPresentationContext, on association: isolated Association,
        target: (isolated Association, [IndexedInstance]) async -> Result<SubOperationTarget, Refusal>,
        finished: (isolated Association, SubOperationTarget) async -> Void
    ) async -> (SubOperationCounts, DIMSEStatus) {
        let respond = { (status: DIMSEStatus, progress: Progress?, comment: String?) in
            var identifier: [UInt8]? = nil
            if let uids = progress?.failedSOPInstanceUIDs, !uids.isEmpty, status.isFinal {
                var failed = DataSet()
                try? failed.setStrings(uids, for: .failedSOPInstanceUIDList, vr: .UI)
                identifier = try? Self.encode(failed, on: context)
            }
            var counts = progress?.counts ?? SubOperationCounts()
            if status.isFinal && status != .cancel { counts.remaining = nil }
            association.respond(
                Response(
                    messageIDBeingRespondedTo: messageID, affectedSOPClassUID: sopClassUID, status: status, subOperations: counts,
                    hasDataSet: identifier != nil, errorComment: comment.map { String($0.prefix(64)) }),
                contextID: context.id, dataSet: identifier)
            return (counts, status)
        }
        let instances: [IndexedInstance]
        switch findInstances(sopClassUID: sopClassUID, identifier: bytes, sopClass: sopClass, context: context) {
        case .success(let found): instances = found
        case .failure(let refusal):
            await delay()
            return respond(refusal.status, nil, refusal.comment)
        }
        var progress = Progress(remaining: instances.count)
        guard !instances.isEmpty else {
            await delay()
            return respond(.success, progress, nil)
        }
        let destination: SubOperationTarget
        switch await target(association, instances) {
        case .success(let opened): destination = opened
        case .failure(let refusal):
            progress.failed = instances.count
            progress.remaining = 0
            await delay()
            return respond(refusal.status, progress, refusal.comment)
        }
        for instance in instances {
            // The requestor is gone (aborted, released): nobody is left to count for.
            if association.state != .sta6 {
                await finished(association, destination)
                return (progress.counts, .cancel)
            }
            if isCancelled(messageID) {
                await finished(association, destination)
                return respond(.cancel, progress, nil)
            }
            let status = await sendSubOperation(instance, messageID: nextMessageID(), to: destination, on: association)
            progress.remaining -= 1
            switch status?.category {
            case .success: progress.completed += 1
            case .warning: progress.warning += 1
            default:
                progress.failed += 1
                progress.failedSOPInstanceUIDs.append(instance.sopInstanceUID)
            }
            if progress.remaining > 0 {
                await delay()
                if !misbehaviour.omitPendingResponses { _ = respond(.pending, progress, nil) }
            }
        }
        await finished(association, destination)
        await delay()
        return respond(progress.failed + progress.warning == 0 ? .success : .warningB000, progress, nil)
    }

    private func findInstances(
        sopClassUID: String, identifier bytes: [UInt8], sopClass: (QueryModel) -> SOPClass, context: AcceptedPresentationContext
    ) -> Result<[IndexedInstance], Refusal> {
        guard let model = QueryModel(sopClassUID: sopClassUID), sopClass(model).uid == sopClassUID else {
            return .failure(Refusal(status: .sopClassNotSupported, comment: "not a Patient or Study Root retrieve class"))
        }
        do {
            let identifier = try Self.decode(bytes, on: context)
            return .success(try pacs.archive.snapshot.instances(matching: identifier, model: model))
        } catch let error as QueryError {
            return .failure(Refusal(status: error.status, comment: error.errorComment))
        } catch {
            return .failure(Refusal(status: .dataSetDoesNotMatchSOPClass, comment: "the identifier does not decode: \(error)"))
        }
    }

    /// One C-STORE sub-operation, its data set streamed (`InstanceChunks`); the C-STORE-RSP's
    /// status, or nil when it could not be sent (no suitable presentation context, a transfer
    /// syntax the source cannot be sent in, an unreadable source, a failed association).
    private func sendSubOperation(
        _ instance: IndexedInstance, messageID: UInt16, to target: SubOperationTarget, on association: isolated Association
    ) async -> DIMSEStatus? {
        guard let context = await target.association.negotiated?.context(abstractSyntax: instance.sopClassUID),
            context.requestorIsSCP || !target.requireRequestorSCP
        else { return nil }
        let syntax = TransferSyntax(uid: context.transferSyntax)
        guard instance.source.canBeEncoded(in: syntax) else { return nil }
        let chunks = InstanceChunks(instance.source, in: syntax)
        let request = CStoreRQ(
            messageID: messageID, affectedSOPClassUID: instance.sopClassUID,
            affectedSOPInstanceUID: instance.sopInstanceUID, moveOriginatorAETitle: target.originator?.aeTitle,
            moveOriginatorMessageID: target.originator?.messageID)
        // Opening and reading a file may block: the first chunk is read off the loop too (the
        // later ones are: `send` asks `more` for them off the loop).
        let readFirst: @Sendable () async -> [UInt8]? = { try? chunks.next() ?? [] }
        guard let first = await withTaskExecutorPreference(globalConcurrentExecutor, operation: { await readFirst() }),
            case .cStoreRSP(let response)? = try? await target.association.send(
                request, contextID: context.id, dataSet: first, more: { try chunks.next() })
        else { return nil }
        return response.status
    }
}
