import DICOMProtocol

extension Association {
    /// Sends a DIMSE request on presentation context `contextID` with a data set produced
    /// chunk by chunk while it is sent (a C-STORE of a file, PS3.7 §9.1.1), and waits for the
    /// final response (within `timeouts.dimse`).
    ///
    /// `nextChunk` returns the next bytes of the data set, already encoded in the context's
    /// transfer syntax, or `nil` at its end; it runs off the loop (blocking file reads are
    /// allowed). Between chunks the sender pauses while the channel is not writable, so memory
    /// stays at the channel's high-water mark plus one chunk whatever the data set's size.
    /// When `nextChunk` throws, the half-sent message cannot be completed: the association is
    /// aborted and the error rethrown. Association failures throw `AssociationError`.
    public func send<Request: DIMSERequest>(
        _ request: Request, contextID: UInt8, dataSet nextChunk: @Sendable () async throws -> [UInt8]?
    ) async throws -> DIMSECommand {
        guard let negotiated, negotiated.context(id: contextID) != nil else {
            throw failure ?? notPermitted("send on presentation context \(contextID), which was not accepted")
        }
        guard responses[request.messageID] == nil, let command = try? request.encoded() else {
            throw notPermitted("send \(Request.commandField)")
        }
        var fragmenter = MessageFragmenter(presentationContextID: contextID, peerMaximumLength: negotiated.peerMaximumLength)
        var writer = ByteWriter(capacity: Self.streamingBufferCapacity)
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        try writePData(&writer, request)
        enter(.dimse)
        while true {
            try await waitUntilWritable()
            let chunk: [UInt8]?
            do {
                chunk = try await nextChunk()
            } catch {
                abort()
                throw error
            }
            if let failure { throw failure }
            guard let chunk else { break }
            fragmenter.writeDataSet(chunk, isLast: false, into: &writer)
            try writePData(&writer, request)
        }
        fragmenter.writeDataSet([UInt8](), isLast: true, into: &writer)
        let actions = core.sendPData(writer.take())
        guard case .write = actions.first else { throw notPermitted("send \(Request.commandField)") }
        startPhaseTimer(timeouts.dimse, "waiting for the \(Request.commandField) response")
        let result = await withCheckedContinuation { continuation in
            responses[request.messageID] = continuation
            perform(actions)
        }
        return try result.get()
    }

    /// Room for one file chunk (64 KiB) and the framing of its fragments.
    static let streamingBufferCapacity = 80 * 1024

    /// Sends the whole P-DATA-TF PDUs in `writer` (if any) and empties it.
    private func writePData(_ writer: inout ByteWriter, _ request: some DIMSERequest) throws(AssociationError) {
        guard writer.count > 0 else { return }
        let actions = core.sendPData(writer.take())
        guard case .write = actions.first else { throw notPermitted("send \(type(of: request).commandField)") }
        perform(actions)
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
