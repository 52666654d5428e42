import DICOMProtocol

extension Association {
    /// Sends a DIMSE request on presentation context `contextID` with a data set produced
    /// chunk by chunk while it is sent (a C-STORE of a file, PS3.7 §9.1.1), and waits for the
    /// final response (within `timeouts.dimse`).
    ///
    /// `first` is the data set's first bytes, read by the caller before the call; when they are
    /// the whole data set, `nextChunk` is `nil` and the message goes out at once, without
    /// leaving the loop (from a task that prefers the loop, a small file costs no thread hop
    /// at all: libuv-swift.md). Otherwise
    /// `nextChunk` returns the next bytes, or `nil` at the end; all bytes are already encoded
    /// in the context's transfer syntax. `nextChunk` runs off the loop (blocking file reads
    /// are allowed). Between chunks the sender pauses while the channel is not writable, so
    /// memory stays at the channel's high-water mark plus one chunk whatever the data set's
    /// size. When `nextChunk` throws, the half-sent message cannot be completed: the
    /// association is aborted and the error rethrown. Association failures throw
    /// `AssociationError`.
    public func send<Request: DIMSERequest>(
        _ request: Request, contextID: UInt8, dataSet first: [UInt8],
        more nextChunk: (@Sendable () async throws -> [UInt8]?)?
    ) async throws -> DIMSECommand {
        guard let negotiated, negotiated.context(id: contextID) != nil else {
            throw failure ?? notPermitted("send on presentation context \(contextID), which was not accepted")
        }
        guard responses[request.messageID] == nil, let command = try? request.encoded() else {
            throw notPermitted("send \(Request.commandField)")
        }
        var fragmenter = MessageFragmenter(presentationContextID: contextID, peerMaximumLength: negotiated.peerMaximumLength)
        var writer = ByteWriter(capacity: Self.framingCapacity + command.count + first.count)
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        enter(.dimse)
        var chunk = first
        if let nextChunk {
            while true {
                fragmenter.writeDataSet(chunk, isLast: false, into: &writer)
                try writePData(&writer, request)
                try await waitUntilWritable()
                let next: [UInt8]?
                do {
                    next = try await nextChunk()
                } catch {
                    abort()
                    throw error
                }
                if let failure { throw failure }
                guard let next else {
                    chunk = []
                    break
                }
                chunk = next
            }
        }
        fragmenter.writeDataSet(chunk, isLast: true, into: &writer)
        let actions = core.sendPData(writer.take())
        guard case .write = actions.first else { throw notPermitted("send \(Request.commandField)") }
        startPhaseTimer(timeouts.dimse, "waiting for the \(Request.commandField) response")
        let result = await withCheckedContinuation { continuation in
            responses[request.messageID] = continuation
            perform(actions)
        }
        return try result.get()
    }

    /// Room for the PDU and PDV headers of a chunk's fragments, beyond its bytes.
    static let framingCapacity = 4 * 1024

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
