import Testing
import DICOMProtocol
import TestSupport
@testable import DICOMTransport

extension TransportTests {
    @Suite("Read backpressure: a slow data-set sink pauses reading (PS3.8 §9.3.5 P-DATA flow over TCP)")
    struct DataSetBackpressureTests {
        static let ctImageStorage = CTStoragePair.ctImageStorage
        static let highWaterMark = 1 << 20
        static let instanceSize = 16 << 20
        static let chunkSize = 64 << 10

        @Test("PS3.7 9.1.1 a 16 MiB C-STORE into a 50 MB/s sink: pending bytes stay near the high-water mark")
        func slowSinkBoundsPendingBytes() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let recorder = SinkRecorder()
            let (acceptor, association) = try await CTStoragePair.associate(group: group, handler: SlowStorageHandler(recorder: recorder))
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let chunks = ChunkCounter(remaining: Self.instanceSize / Self.chunkSize)
            let response = try await association.send(
                CStoreRQ(messageID: 1, affectedSOPClassUID: Self.ctImageStorage, affectedSOPInstanceUID: "1.2.3.4"),
                contextID: contextID, dataSet: [],
                more: { chunks.next() ? [UInt8](repeating: 0x5A, count: Self.chunkSize) : nil })
            try await association.release()
            await association.closed()
            await acceptor.stop()

            guard case .cStoreRSP(let rsp) = response else {
                Issue.record("expected a C-STORE-RSP, got \(response)")
                return
            }
            #expect(rsp.status == .success)
            let (received, maximumPending) = recorder.totals
            #expect(received == Self.instanceSize)
            // Once over the mark, at most the rest of one read (the loop's read buffer) and one
            // PDU (16 KiB) follow.
            #expect(maximumPending > Self.highWaterMark / 2)
            #expect(maximumPending <= Self.highWaterMark + group.loops[0].readBuffer.count + (16 << 10))
        }

        @Test("PS3.7 D.3.3.3 eight C-STOREs in progress at once into slow sinks: their pending bytes together stay near the mark",
              .timeLimit(.minutes(1)))
        func windowBoundsPendingBytesTogether() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let recorder = SinkRecorder()
            let handler = SlowStorageHandler(recorder: recorder, bytesPerTick: 32 << 10)
            let (acceptor, association) = try await CTStoragePair.associate(group: group, handler: handler, performing: 8, proposed: 8)
            #expect(await association.negotiated?.requestorOperationsWindow == 8)
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let size = Self.highWaterMark
            let statuses = try await withThrowingTaskGroup(of: DIMSEStatus?.self) { stores in
                for messageID in UInt16(1)...8 {
                    let chunks = ChunkCounter(remaining: size / Self.chunkSize)
                    stores.addTask {
                        let response = try await association.send(
                            CStoreRQ(messageID: messageID, affectedSOPClassUID: Self.ctImageStorage, affectedSOPInstanceUID: "1.2.3.\(messageID)"),
                            contextID: contextID, dataSet: [],
                            more: { chunks.next() ? [UInt8](repeating: 0x5A, count: Self.chunkSize) : nil })
                        guard case .cStoreRSP(let rsp) = response else { return nil }
                        return rsp.status
                    }
                }
                return try await stores.reduce(into: []) { $0.append($1) }
            }
            try await association.release()
            await association.closed()
            await acceptor.stop()

            #expect(statuses.count == 8 && statuses.allSatisfy { $0 == .success })
            let (received, maximumPending) = recorder.totals
            #expect(received == 8 * size)
            #expect(maximumPending > Self.highWaterMark / 2)
            // As for one store: past the mark, at most the rest of one read and one PDU follow.
            #expect(maximumPending <= Self.highWaterMark + group.loops[0].readBuffer.count + (16 << 10))
        }
    }
}

/// Storage SCP whose sinks each consume `bytesPerTick` every 5 ms (256 KiB: ~50 MB/s): a disk
/// slower than loopback.
private struct SlowStorageHandler: DIMSEServiceHandler {
    let recorder: SinkRecorder
    var bytesPerTick = 256 << 10

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {}

    func association(
        _ association: isolated Association, streamDataSetOf request: DIMSECommand, context: AcceptedPresentationContext
    ) -> (any DIMSEDataSetSink)? {
        guard case .cStoreRQ(let rq) = request else { return nil }
        association.dataSetSinkHighWaterMark = TransportTests.DataSetBackpressureTests.highWaterMark
        return SlowSink(
            request: rq, contextID: context.id, loop: association.eventLoop, recorder: recorder, bytesPerTick: bytesPerTick)
    }
}

private final class SlowSink: DIMSEDataSetSink {
    let request: CStoreRQ
    let contextID: UInt8
    let timer: LoopTimer
    let recorder: SinkRecorder
    let bytesPerTick: Int
    private(set) var pendingByteCount = 0
    private var drained: (() -> Void)?
    private var answer: (() -> Void)?

    init(request: CStoreRQ, contextID: UInt8, loop: EventLoop, recorder: SinkRecorder, bytesPerTick: Int) {
        self.bytesPerTick = bytesPerTick
        self.request = request
        self.contextID = contextID
        self.recorder = recorder
        timer = LoopTimer(loop: loop)
        timer.schedule(after: .milliseconds(5), repeating: .milliseconds(5)) { [self] in consume() }
    }

    func append(_ fragment: ArraySlice<UInt8>) {
        pendingByteCount += fragment.count
        recorder.appended(fragment.count)
    }

    func setDrainHandler(_ handler: @escaping () -> Void) {
        drained = handler
    }

    func finish(_ association: isolated Association) {
        let rsp = CStoreRSP(
            messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
            affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: .success)
        let contextID = contextID
        answer = { [association] in _ = association.enterFromLoop { $0.respond(rsp, contextID: contextID) } }
        if pendingByteCount == 0 { complete() }
    }

    func abort() {
        timer.cancel()
    }

    private func consume() {
        guard pendingByteCount > 0 else { return }
        let consumed = min(pendingByteCount, bytesPerTick)
        pendingByteCount -= consumed
        recorder.consumed(consumed)
        drained?()
        if pendingByteCount == 0 { complete() }
    }

    private func complete() {
        guard let answer else { return }
        self.answer = nil
        timer.cancel()
        answer()
    }
}

/// What the sinks received and the most they held together at once, read by the test after
/// the stores.
private final class SinkRecorder: @unchecked Sendable {
    private let lock = PThreadLock()
    private var received = 0
    private var pending = 0
    private var maximumPending = 0

    func appended(_ count: Int) {
        lock.withLock {
            received += count
            pending += count
            maximumPending = max(maximumPending, pending)
        }
    }

    func consumed(_ count: Int) {
        lock.withLock { pending -= count }
    }

    var totals: (received: Int, maximumPending: Int) { lock.withLock { (received, maximumPending) } }
}

/// Hands out `remaining` chunks to the sending task, then the end of the data set.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = PThreadLock()
    private var remaining: Int

    init(remaining: Int) {
        self.remaining = remaining
    }

    func next() -> Bool {
        lock.withLock {
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
    }
}
