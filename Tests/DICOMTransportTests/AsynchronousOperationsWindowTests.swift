import DICOMProtocol
import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Asynchronous Operations Window on an association (PS3.7 §D.3.3.3, PS3.8 §9.3.5)")
    struct AsynchronousOperationsWindowTests {
        static let ctImageStorage = CTStoragePair.ctImageStorage

        /// An acceptor granting up to `performing` operations at once, serving `handler`, and
        /// a requestor proposing `proposed` outstanding requests.
        static func associate(
            group: EventLoopGroup, performing: UInt16, proposed: UInt16, handler: any DIMSEServiceHandler
        ) async throws -> (MultiplexedAcceptor, Association) {
            try await CTStoragePair.associate(group: group, handler: handler, performing: performing, proposed: proposed)
        }

        @Test("PS3.7 D.3.3.3 two outstanding C-STOREs answered in reverse order each get their own response; a streamed message is not interleaved",
              .timeLimit(.minutes(1)))
        func reverseOrder() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let scp = ReverseOrderSCP()
            let (acceptor, association) = try await Self.associate(group: group, performing: 16, proposed: 2, handler: scp)
            #expect(await association.negotiated?.requestorOperationsWindow == 2)
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let maximumLength = try #require(await association.negotiated?.peerMaximumLength)
            // The first is streamed in 64 KiB chunks (3 MiB: the sends overlap while it goes out).
            let large = try EncodedSendTests.message(1, contextID: contextID, maximumLength: maximumLength, total: 3 << 20, chunk: 64 << 10)
            let small = try EncodedSendTests.message(2, contextID: contextID, maximumLength: maximumLength, total: 1000, chunk: 1000)
            async let first = association.send(encoded: large)
            async let second = association.send(encoded: small)
            let responses = try await [first, second]
            for (index, response) in responses.enumerated() {
                guard case .cStoreRSP(let rsp) = response else {
                    Issue.record("expected a C-STORE-RSP, got \(response)")
                    continue
                }
                #expect(rsp.messageIDBeingRespondedTo == UInt16(index + 1))
                #expect(rsp.affectedSOPInstanceUID == "1.2.3.\(index + 1)")
            }
            #expect(scp.log.sorted() == ["1: \(3 << 20) bytes", "2: 1000 bytes"])
            #expect(scp.answered == [2, 1])
            try await association.release()
            await association.closed()
            await acceptor.stop()
        }

        @Test("PS3.7 D.3.3.3 a requestor with more requests outstanding than granted is aborted (AA-8, invalid PDU parameter value)",
              .timeLimit(.minutes(1)))
        func beyondTheWindow() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            // We grant 1 (synchronous) although 2 were proposed; the service never answers.
            let (acceptor, association) = try await Self.associate(
                group: group, performing: 1, proposed: 2, handler: MisbehavingHandler(abortsInstead: false))
            #expect(await association.negotiated?.requestorOperationsWindow == 1)
            let contextID = try #require(await association.negotiated?.context(abstractSyntax: Self.ctImageStorage)?.id)
            let maximumLength = try #require(await association.negotiated?.peerMaximumLength)
            let messages = try (1...2).map {
                try EncodedSendTests.message($0, contextID: contextID, maximumLength: maximumLength, total: 100, chunk: 100)
            }
            func outcome(_ message: EncodedRequest) async -> (any Error)? {
                do {
                    _ = try await association.send(encoded: message)
                    return nil
                } catch {
                    return error
                }
            }
            async let first = outcome(messages[0])
            async let second = outcome(messages[1])
            for error in await [first, second] {
                guard let error = error as? AssociationError, case .aborted(let abort) = error.kind else {
                    Issue.record("expected an A-ABORT, got \(String(describing: error))")
                    continue
                }
                #expect(abort.source == .serviceProvider)
                #expect(abort.reason == .invalidPDUParameterValue)
            }
            await association.closed()
            await acceptor.stop()
        }
    }
}

/// A Storage SCP that holds the first C-STORE until the second has arrived, then answers
/// the second and then the first. Runs on its association's loop only.
private final class ReverseOrderSCP: DIMSEServiceHandler, @unchecked Sendable {
    private(set) var log: [String] = []
    private(set) var answered: [UInt16] = []
    private var held: (CStoreRQ, UInt8)?

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        guard case .cStoreRQ(let rq) = request else { return }
        log.append("\(rq.messageID): \(dataSet?.count ?? -1) bytes")
        guard let (first, contextID) = held else {
            held = (rq, context.id)
            return
        }
        held = nil
        for (answer, id) in [(rq, context.id), (first, contextID)] {
            answered.append(answer.messageID)
            association.respond(
                CStoreRSP(
                    messageIDBeingRespondedTo: answer.messageID, affectedSOPClassUID: answer.affectedSOPClassUID,
                    affectedSOPInstanceUID: answer.affectedSOPInstanceUID, status: .success),
                contextID: id)
        }
    }
}
