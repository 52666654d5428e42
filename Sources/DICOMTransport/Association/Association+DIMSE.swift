import DICOMProtocol

extension Association {
    /// Sends a DIMSE request on the context accepted for `abstractSyntax` and waits (within
    /// `timeouts.dimse`, restarted by each pending response) for its final response (PS3.7
    /// §9.1). Pending responses (C-FIND matches) are not returned by this call.
    public func send<Request: DIMSERequest>(
        _ request: Request, abstractSyntax: String, dataSet: [UInt8]? = nil
    ) async throws(AssociationError) -> DIMSECommand {
        guard let context = negotiated?.context(abstractSyntax: abstractSyntax) else {
            throw failure ?? AssociationError(
                phase: .dimse, kind: .noAcceptedContext(abstractSyntax: abstractSyntax), peer: peer,
                detail: "the peer accepted no presentation context for \(abstractSyntax)", timings: timings)
        }
        guard responses[request.messageID] == nil, let actions = message(request, dataSet: dataSet, contextID: context.id)
        else { throw notPermitted("send \(Request.commandField)") }
        enter(.dimse)
        startPhaseTimer(timeouts.dimse, "waiting for the \(Request.commandField) response")
        let result = await withCheckedContinuation { continuation in
            responses[request.messageID] = continuation
            perform(actions)
        }
        return try result.get()
    }

    /// Sends a DIMSE response (or any message) on presentation context `contextID`: what a
    /// `DIMSEServiceHandler` calls. Returns false when the association can no longer send.
    @discardableResult
    public func respond(_ response: some DIMSEMessage, contextID: UInt8, dataSet: [UInt8]? = nil) -> Bool {
        guard let actions = message(response, dataSet: dataSet, contextID: contextID) else { return false }
        perform(actions)
        return true
    }

    /// The actions that send `message` as P-DATA-TF PDUs within the peer's Maximum Length,
    /// or `nil` when it cannot be encoded or P-DATA is not allowed now.
    private func message(_ message: some DIMSEMessage, dataSet: [UInt8]?, contextID: UInt8) -> [AssociationAction]? {
        guard let negotiated, let command = try? message.encoded() else { return nil }
        var fragmenter = MessageFragmenter(presentationContextID: contextID, peerMaximumLength: negotiated.peerMaximumLength)
        var writer = ByteWriter(capacity: command.count + 64 + (dataSet?.count ?? 0))
        fragmenter.writeCommand(command, hasDataSet: dataSet != nil, into: &writer)
        if let dataSet { fragmenter.writeDataSet(dataSet, isLast: true, into: &writer) }
        let actions = core.sendPData(writer.take())
        guard case .write = actions.first else { return nil }
        return actions
    }

    /// A P-DATA indication: rebuild messages, hand requests to the handler and responses to
    /// their waiters. A DIMSE protocol violation aborts the association (AA-8).
    func receive(_ data: PDataTF) {
        do {
            try assembler.consume(data) { event in try assembled(event) }
        } catch let error as ProtocolError {
            perform(core.abort(for: error))
        } catch {
            perform(core.abort(for: ProtocolError(.malformed, field: "P-DATA-TF", "\(error)")))
        }
    }

    private func assembled(_ event: MessageAssembler.Event) throws(ProtocolError) {
        switch event {
        case .command(let contextID, let bytes, _):
            guard negotiated?.context(id: contextID) != nil else {
                throw ProtocolError(.invalidValue, field: "PDV Presentation-context-ID", "context \(contextID) was not accepted")
            }
            incoming = (try DIMSECommand(decoding: bytes[...]), contextID, [])
        case .dataSetFragment(_, let bytes, _):
            incoming?.dataSet.append(contentsOf: bytes)
        case .messageComplete:
            guard let (command, contextID, dataSet) = incoming else { return }
            incoming = nil
            dispatch(command, contextID: contextID, dataSet: command.hasDataSet ? dataSet : nil)
        }
    }

    private func dispatch(_ command: DIMSECommand, contextID: UInt8, dataSet: [UInt8]?) {
        if command.commandField.isResponse {
            let status = (command.message as? any DIMSEResponse)?.status
            if status?.isPending == true {
                startPhaseTimer(timeouts.dimse, "waiting for the \(command.commandField)")
                return
            }
            guard let waiter = responses.removeValue(forKey: command.messageID) else { return }
            if responses.isEmpty { phaseTimer?.cancel() }
            waiter.resume(returning: .success(command))
        } else if let handler, let context = negotiated?.context(id: contextID) {
            handler.association(self, received: command, dataSet: dataSet, context: context)
        } else {
            perform(core.abort())
        }
    }
}

extension Association {
    /// Runs `body` isolated to the association, on its loop: whatever it awaits on the
    /// association (`send`, `release`) then costs no thread hop. The way to batch a sequence
    /// of operations from outside (libuv-swift.md: a hop from the global pool costs ~33 µs).
    public func run<Result: Sendable>(_ body: @Sendable (isolated Association) async -> Result) async -> Result {
        await body(self)
    }
}
