import DICOMProtocol

extension Association {
    /// Sends a DIMSE request on presentation context `contextID` with a data set produced
    /// chunk by chunk while it is sent (a C-STORE sub-operation, PS3.7 §9.1.1), and waits for
    /// the final response (within `timeouts.dimse`).
    ///
    /// `first` is the data set's first bytes, read by the caller before the call; when they are
    /// the whole data set, `nextChunk` is `nil` and the message goes out at once, without
    /// leaving the loop. Otherwise `nextChunk` returns the next bytes, or `nil` at the end; all
    /// bytes are already encoded in the context's transfer syntax. `nextChunk` runs off the
    /// loop (blocking file reads are allowed), and so does the fragmenting of what it returns.
    /// See `send(encoded:)` for the flow control and the errors.
    public func send<Request: DIMSERequest>(
        _ request: Request, contextID: UInt8, dataSet first: [UInt8],
        more nextChunk: (@Sendable () async throws -> [UInt8]?)?
    ) async throws -> DIMSECommand {
        guard let negotiated, negotiated.context(id: contextID) != nil else {
            throw failure ?? notPermitted("send on presentation context \(contextID), which was not accepted")
        }
        guard let command = try? request.encoded() else { throw notPermitted("send \(Request.commandField)") }
        var fragmenter = MessageFragmenter(presentationContextID: contextID, peerMaximumLength: negotiated.peerMaximumLength)
        var writer = ByteWriter(capacity: Self.framingCapacity + command.count + first.count)
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        fragmenter.writeDataSet(first, isLast: nextChunk == nil, into: &writer)
        let message = EncodedRequest(
            messageID: request.messageID, commandField: Request.commandField, contextID: contextID,
            first: writer.take(), more: nextChunk.map { FragmentedChunks(fragmenter: fragmenter, nextChunk: $0).next })
        return try await send(encoded: message)
    }

    /// Sends a DIMSE request its caller encoded as whole P-DATA-TF PDUs (PS3.8 §9.3.5) — the
    /// command fragments, then the data set's — and waits for the final response (within
    /// `timeouts.dimse`). Built off the loop (a C-STORE laid out straight from a file), the
    /// message costs the loop one write per chunk and nothing else.
    ///
    /// Between chunks the sender pauses while the channel is not writable, so memory stays at
    /// the channel's high-water mark plus one chunk whatever the data set's size; a peer that
    /// stops reading for `timeouts.dimse` fails the association. When `more` throws, the
    /// half-sent message cannot be completed: the association is aborted and the error
    /// rethrown. Association failures throw `AssociationError`.
    ///
    /// Several sends may be in progress at once, up to the agreed Asynchronous Operations
    /// Window (`NegotiatedAssociation.requestorOperationsWindow`, PS3.7 §D.3.3.3; the caller
    /// keeps within it): their messages go out one after another, whole, and each send
    /// returns the response that answers its Message ID, in whatever order they come.
    public func send(encoded message: EncodedRequest) async throws -> DIMSECommand {
        let last = try await transmitAllButLast(message)
        let result = await withCheckedContinuation { continuation in
            finishTransmitting(message, last, waiter: .task(continuation))
        }
        return try result.get()
    }

    /// Sends `message` like `send(encoded:)`, but returns once its last PDUs are handed to the
    /// channel instead of waiting for the response: `onResponse` gets it later, or the
    /// association's failure, exactly once, on the loop. For a sender keeping the operations
    /// window full (PS3.7 §D.3.3.3) without a suspended task per request. When this throws,
    /// the request was not (completely) sent and `onResponse` is never called.
    public func start(
        encoded message: EncodedRequest, onResponse: @escaping @Sendable (Result<DIMSECommand, AssociationError>) -> Void
    ) async throws {
        let last = try await transmitAllButLast(message)
        finishTransmitting(message, last, waiter: .callback(onResponse))
    }

    /// Whether `send(encoded:)` and `start(encoded:onResponse:)` may be given file spans
    /// (`OutboundPiece.file`): the channel sends them itself (plain TCP on Linux).
    public var sendsFileSpans: Bool { channel?.sendsFileSpans ?? false }

    /// Registers who waits for the response, then writes the message's last PDUs (the response
    /// can then never arrive before anyone listens for it) and gives the turn to write to the
    /// next sender.
    private func finishTransmitting(_ message: EncodedRequest, _ last: LastPData, waiter: ResponseWaiter) {
        startPhaseTimer(timeouts.dimse, "waiting for the \(message.commandField) response")
        responses[message.messageID] = waiter
        perform(last.actions, writing: last.pieces)
        endTransmitting()
    }

    /// The state machine's actions for the last PDUs of a message (P-DATA request, Evt9), and
    /// those PDUs.
    struct LastPData {
        var actions: [AssociationAction]
        var pieces: [OutboundPiece]
    }

    /// Carries out `actions`, writing `pieces` where the state machine says to write the PDUs
    /// (it was given none: the PDUs may be spans of a file, which only the channel reads).
    private func perform(_ actions: [AssociationAction], writing pieces: [OutboundPiece]) {
        for action in actions {
            if case .write = action { channel?.write(pieces) } else { perform([action]) }
        }
    }

    /// The state machine's answer to sending P-DATA (Evt9) now: a write action when permitted.
    private func pDataActions(_ commandField: CommandField) throws(AssociationError) -> [AssociationAction] {
        let actions = core.sendPData([])
        guard case .write = actions.first else { throw notPermitted("send \(commandField)") }
        return actions
    }

    /// Waits for the turn to write a message: under an Asynchronous Operations Window several
    /// sends are in progress, but one message's PDUs go out before the next one's begin (PS3.8
    /// §9.3.5). Throws when the association failed meanwhile.
    private func beginTransmitting() async throws(AssociationError) {
        while transmitting, failure == nil {
            await withCheckedContinuation { transmitWaiters.append($0) }
        }
        if let failure { throw failure }
        transmitting = true
    }

    /// Gives the turn to write to the next waiting sender.
    private func endTransmitting() {
        transmitting = false
        if !transmitWaiters.isEmpty { transmitWaiters.removeFirst().resume() }
    }

    /// Takes the turn to write (after the checks `send(encoded:)` documents), writes `message`
    /// but its last PDUs, pausing while the channel is not writable, and returns the actions
    /// that write the last ones. The turn is still held when this returns; when it throws,
    /// the turn is given up.
    private func transmitAllButLast(_ message: EncodedRequest) async throws -> LastPData {
        guard negotiated?.context(id: message.contextID) != nil else {
            throw failure ?? notPermitted("send on presentation context \(message.contextID), which was not accepted")
        }
        guard responses[message.messageID] == nil else { throw notPermitted("send \(message.commandField)") }
        enter(.dimse)
        try await beginTransmitting()
        do {
            return try await writeAllButLast(message)
        } catch {
            endTransmitting()
            throw error
        }
    }

    private func writeAllButLast(_ message: EncodedRequest) async throws -> LastPData {
        var pdus = message.first
        if let more = message.more {
            while true {
                try writePData(pdus, message.commandField)
                try await waitUntilWritable()
                let next: EncodedRequest.Chunk
                do {
                    // Off the loop, as promised to `more` (it may block on file reads): the
                    // sender's task usually prefers this loop as its task executor, and a
                    // nonisolated closure would otherwise run right here on the loop thread.
                    next = try await withTaskExecutorPreference(globalConcurrentExecutor) { try await more() }
                } catch {
                    abort()
                    throw error
                }
                if let failure { throw failure }
                pdus = next.pieces
                if next.isLast { break }
            }
        }
        guard responses[message.messageID] == nil else { throw notPermitted("send \(message.commandField)") }
        return LastPData(actions: try pDataActions(message.commandField), pieces: pdus)
    }

    /// Wakes every sender waiting for its turn: the association failed.
    func resumeTransmitWaiters() {
        let waiters = transmitWaiters
        transmitWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Room for the PDU and PDV headers of a chunk's fragments, beyond its bytes.
    static let framingCapacity = 4 * 1024

    /// Sends whole P-DATA-TF PDUs (if any).
    private func writePData(_ pieces: [OutboundPiece], _ commandField: CommandField) throws(AssociationError) {
        guard pieces.contains(where: { $0.count > 0 }) else { return }
        perform(try pDataActions(commandField), writing: pieces)
    }

    /// Returns once the channel accepts more bytes; throws when the association failed
    /// meanwhile. A peer that stops reading for `timeouts.dimse` fails the association.
    private func waitUntilWritable() async throws(AssociationError) {
        while let channel, !channel.isWritable, failure == nil {
            startPhaseTimer(timeouts.dimse, "waiting for the peer to read the data set")
            await withCheckedContinuation { writabilityWaiters.append($0) }
            phaseTimer?.cancel()
        }
        if let failure { throw failure }
        if channel == nil { throw notPermitted("send data") }
    }
}

/// The data-set chunks of `Association.send(_:contextID:dataSet:more:)` turned into PDUs as
/// they are produced, off the loop. One send calls `next` one call after another; nothing
/// runs concurrently, which is what the unchecked `Sendable` relies on.
private final class FragmentedChunks: @unchecked Sendable {
    private var fragmenter: MessageFragmenter
    private let nextChunk: @Sendable () async throws -> [UInt8]?

    init(fragmenter: MessageFragmenter, nextChunk: @escaping @Sendable () async throws -> [UInt8]?) {
        self.fragmenter = fragmenter
        self.nextChunk = nextChunk
    }

    @Sendable func next() async throws -> EncodedRequest.Chunk {
        let chunk = try await nextChunk()
        var writer = ByteWriter(capacity: Association.framingCapacity + (chunk?.count ?? 0))
        fragmenter.writeDataSet(chunk ?? [], isLast: chunk == nil, into: &writer)
        return EncodedRequest.Chunk(pdus: writer.take(), isLast: chunk == nil)
    }
}
