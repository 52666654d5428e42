import DICOMProtocol
import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Association.send(encoded:): a C-STORE encoded off the loop (PS3.7 §9.1.1, PS3.8 §9.3.5)")
    struct EncodedSendTests {
        static let ctImageStorage = CTStoragePair.ctImageStorage

        /// Encodes a C-STORE-RQ of `total` bytes as `Association.send(encoded:)` takes it, in
        /// chunks of `chunk` data-set bytes.
        static func message(_ messageID: UInt16, contextID: UInt8, maximumLength: UInt32, total: Int, chunk: Int) throws
            -> EncodedRequest
        {
            let request = CStoreRQ(messageID: messageID, affectedSOPClassUID: ctImageStorage, affectedSOPInstanceUID: "1.2.3.\(messageID)")
            let chunks = Chunks(fragmenter: MessageFragmenter(presentationContextID: contextID, peerMaximumLength: maximumLength),
                                total: total, chunk: chunk)
            var writer = ByteWriter()
            chunks.fragmenter.writeCommand(try request.encoded(), hasDataSet: true, into: &writer)
            let first = chunks.next(into: &writer)
            return EncodedRequest(
                messageID: messageID, commandField: .cStoreRQ, contextID: contextID, pieces: first.pieces,
                more: first.isLast ? nil : { @Sendable in
                    var writer = ByteWriter()
                    return chunks.next(into: &writer)
                })
        }

        @Test("PS3.8 9.3.5 chunks larger than the channel's high-water mark stream to the end; several messages in a row",
              .timeLimit(.minutes(1)))
        func chunksLargerThanHighWaterMark() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let received = Received()
            let (acceptor, association) = try await CTStoragePair.associate(
                group: group, handler: StoreCounter(received: received), timeout: .seconds(20))
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let maximumLength = try #require(await association.negotiated?.peerMaximumLength)
            // 1 MiB is the channel's mark: chunks of exactly it (plus framing), and of three times it.
            let sizes = [(1 << 20, 24 << 20), (3 << 20, 24 << 20), (1 << 20, (1 << 20) - 1), (3 << 20, 7)]
            for (index, (chunk, total)) in sizes.enumerated() {
                let message = try Self.message(UInt16(index + 1), contextID: contextID, maximumLength: maximumLength, total: total, chunk: chunk)
                let response = try await association.send(encoded: message)
                guard case .cStoreRSP(let rsp) = response else {
                    Issue.record("expected a C-STORE-RSP, got \(response)")
                    return
                }
                #expect(rsp.status == .success && rsp.messageIDBeingRespondedTo == UInt16(index + 1))
            }
            try await association.release()
            await association.closed()
            await acceptor.stop()
            #expect(received.sizes == sizes.map(\.1))
        }

        @Test("PS3.8 9.3.5 the chunks after the first are made off the loop, even for a sender whose task prefers the loop",
              .timeLimit(.minutes(1)))
        func laterChunksOffTheLoop() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let (acceptor, association) = try await CTStoragePair.associate(group: group, handler: StoreCounter(received: Received()))
            let loop = association.eventLoop
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let maximumLength = try #require(await association.negotiated?.peerMaximumLength)
            let chunks = Chunks(fragmenter: MessageFragmenter(presentationContextID: contextID, peerMaximumLength: maximumLength),
                                total: 300 << 10, chunk: 100 << 10)
            let onLoop = Flags()
            var writer = ByteWriter()
            chunks.fragmenter.writeCommand(
                try CStoreRQ(messageID: 1, affectedSOPClassUID: Self.ctImageStorage, affectedSOPInstanceUID: "1.2.3.1").encoded(),
                hasDataSet: true, into: &writer)
            let message = EncodedRequest(
                messageID: 1, commandField: .cStoreRQ, contextID: contextID, pieces: chunks.next(into: &writer).pieces,
                more: { @Sendable in
                    onLoop.append(loop.inEventLoop)
                    var writer = ByteWriter()
                    return chunks.next(into: &writer)
                })
            // As `StoreSCU` sends: from a task that prefers the association's loop.
            let response = try await Task(executorPreference: loop) { try await association.send(encoded: message) }.value
            guard case .cStoreRSP(let rsp) = response else {
                Issue.record("expected a C-STORE-RSP, got \(response)")
                return
            }
            #expect(rsp.status == .success)
            #expect(onLoop.all == [false, false])
            try await association.release()
            await association.closed()
            await acceptor.stop()
        }

        /// C-STOREs `ids` (1,000 data-set bytes each) started on `association`, their callbacks
        /// feeding the stream returned.
        static func started(
            _ ids: ClosedRange<UInt16>, on association: Association
        ) async throws -> (AsyncStream<Result<DIMSECommand, AssociationError>>, AsyncStream<Result<DIMSECommand, AssociationError>>.Continuation) {
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let maximumLength = try #require(await association.negotiated?.peerMaximumLength)
            let (responses, answered) = AsyncStream.makeStream(of: Result<DIMSECommand, AssociationError>.self)
            for id in ids {
                let message = try Self.message(id, contextID: contextID, maximumLength: maximumLength, total: 1000, chunk: 1000)
                try await association.start(encoded: message) { answered.yield($0) }
            }
            return (responses, answered)
        }

        @Test("PS3.7 D.3.3.3 start(encoded:onResponse:) returns once a request is written; each callback gets its own response, once",
              .timeLimit(.minutes(1)))
        func startCallsBackWithEachResponse() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let (acceptor, association) = try await CTStoragePair.associate(
                group: group, handler: StoreCounter(received: Received()), performing: 8, proposed: 8)
            let (responses, _) = try await Self.started(1...8, on: association)
            var ids: [UInt16] = []
            for await response in responses {
                guard case .success(.cStoreRSP(let rsp)) = response, rsp.status == .success else {
                    Issue.record("expected a successful C-STORE-RSP, got \(response)")
                    break
                }
                ids.append(rsp.messageIDBeingRespondedTo)
                if ids.count == 8 { break }
            }
            #expect(ids.sorted() == Array(1...8))
            try await association.release()
            await association.closed()
            await acceptor.stop()
        }

        @Test("PS3.8 7.3 an abort fails every unanswered request's callback, each exactly once", .timeLimit(.minutes(1)))
        func startFailsUnansweredOnAbort() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let (acceptor, association) = try await CTStoragePair.associate(
                group: group, handler: Silent(), performing: 4, proposed: 4)
            let (responses, answered) = try await Self.started(1...3, on: association)
            await association.abort()
            await association.closed()
            answered.finish()
            var failures = 0
            for await response in responses {
                if case .failure = response { failures += 1 } else { Issue.record("a response to an unanswered request: \(response)") }
            }
            #expect(failures == 3)
            await acceptor.stop()
        }
    }
}

/// A Storage SCP that never answers.
private struct Silent: DIMSEServiceHandler {
    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {}
}

/// Booleans recorded from any thread.
private final class Flags: @unchecked Sendable {
    private let lock = PThreadLock()
    private var values: [Bool] = []
    func append(_ value: Bool) { lock.withLock { values.append(value) } }
    var all: [Bool] { lock.withLock { values } }
}

/// Data-set bytes of `total`, produced `chunk` at a time and fragmented as they come; one
/// send calls `next` one call after another.
private final class Chunks: @unchecked Sendable {
    var fragmenter: MessageFragmenter
    private var left: Int
    private let chunk: Int

    init(fragmenter: MessageFragmenter, total: Int, chunk: Int) {
        self.fragmenter = fragmenter
        left = total
        self.chunk = chunk
    }

    func next(into writer: inout ByteWriter) -> EncodedRequest.Chunk {
        let count = min(chunk, left)
        left -= count
        fragmenter.writeDataSet([UInt8](repeating: 0x5A, count: count), isLast: left == 0, into: &writer)
        return EncodedRequest.Chunk(pdus: writer.take(), isLast: left == 0)
    }
}

/// A Storage SCP that counts each data set's bytes and answers success.
private struct StoreCounter: DIMSEServiceHandler {
    let received: Received

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        guard case .cStoreRQ(let rq) = request else { return }
        received.record(dataSet?.count ?? -1)
        association.respond(
            CStoreRSP(
                messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: rq.affectedSOPClassUID,
                affectedSOPInstanceUID: rq.affectedSOPInstanceUID, status: .success),
            contextID: context.id)
    }
}

private final class Received: @unchecked Sendable {
    private let lock = PThreadLock()
    private var recorded: [Int] = []
    func record(_ size: Int) { lock.withLock { recorded.append(size) } }
    var sizes: [Int] { lock.withLock { recorded } }
}
