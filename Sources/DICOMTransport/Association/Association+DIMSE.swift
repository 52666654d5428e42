import DICOMProtocol

extension Association {
    /// Sends a DIMSE request on the context accepted for `abstractSyntax` and waits (within
    /// `timeouts.dimse`, restarted by each pending response) for its final response (PS3.7
    /// §9.1). Pending responses (C-FIND matches with their identifiers, C-MOVE/C-GET progress)
    /// go to `onPending`, on the loop, in order, before this call returns the final one.
    public func send<Request: DIMSERequest>(
        _ request: Request, abstractSyntax: String, dataSet: [UInt8]? = nil, onPending: PendingResponseHandler? = nil
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
        pendingHandlers[request.messageID] = onPending
        let result = await withCheckedContinuation { continuation in
            responses[request.messageID] = .task(continuation)
            perform(actions)
        }
        pendingHandlers[request.messageID] = nil
        return try result.get()
    }

    /// C-CANCEL-RQ (PS3.7 §9.3.2.3, §9.3.3.3, §9.3.4.3) for the outstanding C-FIND, C-GET or
    /// C-MOVE `messageID`, on the context of `abstractSyntax`; its final response (status
    /// 0xFE00 Cancel) still ends the `send`. Returns false when it cannot be sent.
    @discardableResult
    public func cancel(messageID: UInt16, abstractSyntax: String) -> Bool {
        guard responses[messageID] != nil, let context = negotiated?.context(abstractSyntax: abstractSyntax) else { return false }
        return respond(CCancelRQ(messageIDBeingRespondedTo: messageID), contextID: context.id)
    }

    /// Requestor: serve the requests the peer sends on this association — the C-STORE
    /// sub-operations of a C-GET, for which we took the SCP role (PS3.4 §C.4.3, PS3.8 §D.3.3.4).
    public func serve(_ handler: any DIMSEServiceHandler) {
        self.handler = handler
    }

    /// Sends a DIMSE response (or any message) on presentation context `contextID`: what a
    /// `DIMSEServiceHandler` calls. Returns false when the association can no longer send.
    @discardableResult
    public func respond(_ response: some DIMSEMessage, contextID: UInt8, dataSet: [UInt8]? = nil) -> Bool {
        guard let actions = message(response, dataSet: dataSet, contextID: contextID) else { return false }
        perform(actions)
        if let final = response as? any DIMSEResponse, !final.status.isPending {
            performing.removeValue(forKey: final.messageIDBeingRespondedTo)
            if readPausedBy != nil { dataSetSinkDrained() }
        }
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
            let command = try DIMSECommand(decoding: bytes[...])
            incoming = (command, contextID, [])
            // A request from the peer while we wait (a C-GET's C-STORE sub-operation) is the
            // retrieve making progress: its final response may follow much later.
            if !command.commandField.isResponse { extendResponseWait() }
            if command.commandField != .cCancelRQ, !command.commandField.isResponse { try startPerforming(command.messageID) }
            if command.hasDataSet, !command.commandField.isResponse, let handler, let context = negotiated?.context(id: contextID) {
                incomingSink = handler.association(self, streamDataSetOf: command, context: context)
                if let incomingSink { performing[command.messageID] = incomingSink }
            }
        case .dataSetFragment(_, let bytes, _):
            if let incomingSink {
                incomingSink.append(bytes)
                pauseReadingIfBackedUp(incomingSink)
            } else {
                incoming?.dataSet.append(contentsOf: bytes)
            }
        case .messageComplete:
            guard let (command, contextID, dataSet) = incoming else { return }
            incoming = nil
            if let sink = incomingSink {
                incomingSink = nil
                sink.finish(self)
                return
            }
            dispatch(command, contextID: contextID, dataSet: command.hasDataSet ? dataSet : nil)
        }
    }

    private func dispatch(_ command: DIMSECommand, contextID: UInt8, dataSet: [UInt8]?) {
        if command.commandField.isResponse {
            if command.status?.isPending == true {
                startPhaseTimer(timeouts.dimse, "waiting for the \(command.commandField)")
                pendingHandlers[command.messageID]?(command, dataSet)
                return
            }
            guard let waiter = responses.removeValue(forKey: command.messageID) else { return }
            if responses.isEmpty {
                phaseTimer?.cancel()
            } else {
                let outstanding = responses.count
                startPhaseTimer(timeouts.dimse, "waiting for the \(outstanding) outstanding responses")
            }
            waiter.resume(returning: .success(command))
        } else if let handler, let context = negotiated?.context(id: contextID) {
            handler.association(self, received: command, dataSet: dataSet, context: context)
        } else {
            perform(core.abort())
        }
    }
}

extension Association {
    /// A request (an operation, PS3.7 §D.3.3.3) arrived: count it until its final response.
    /// As acceptor, one beyond the window we granted is a protocol violation: the association
    /// is aborted (AA-8, invalid PDU parameter value), like any other DIMSE violation.
    private func startPerforming(_ messageID: UInt16) throws(ProtocolError) {
        if role == .acceptor, let window = negotiated?.requestorOperationsWindow, window != 0, performing.count >= window {
            throw ProtocolError(
                .invalidValue, field: "Asynchronous Operations Window",
                "request \(messageID) while \(performing.count) are outstanding; \(window) at a time were agreed")
        }
        performing.updateValue(nil, forKey: messageID)
    }

    /// Restarts the DIMSE timer while a response is awaited: for work the peer does on our
    /// behalf that this association does not see — the C-STORE sub-operations of a C-MOVE
    /// arrive on another association (PS3.4 §C.4.2.3), and a PACS need not send Pending
    /// responses, so the wait for the final C-MOVE-RSP lasts as long as stores keep coming.
    public func extendResponseWait() {
        guard !responses.isEmpty else { return }
        startPhaseTimer(timeouts.dimse, "waiting for the final response (no response or sub-operation for that long)")
    }

    /// Runs `body` isolated to the association, on its loop: whatever it awaits on the
    /// association (`send`, `release`) then costs no thread hop. The way to batch a sequence
    /// of operations from outside (libuv-swift.md: a hop from the global pool costs ~33 µs).
    public func run<Result: Sendable>(_ body: @Sendable (isolated Association) async -> Result) async -> Result {
        await body(self)
    }
}
