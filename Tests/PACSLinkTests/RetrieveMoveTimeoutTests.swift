import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import Testing

/// `MoveSCU` against an in-process SCP that claims a completed sub-operation it never sent:
/// the retrieve times out and says what is missing (issue 5).
@Suite("Retrieve: C-MOVE that never delivers")
struct RetrieveMoveTimeoutTests {
    /// Answers every C-MOVE-RQ at once with Success and one completed sub-operation.
    struct LyingMoveSCP: DIMSEServiceHandler {
        static let sopClass = QueryModel.studyRoot.moveSOPClass.uid
        static let policy = AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: [sopClass: [TransferSyntax.explicitVRLittleEndian.uid]]),
            implementationClassUID: UID.implementationClassUID)

        func association(
            _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
            context: AcceptedPresentationContext
        ) {
            guard case .cMoveRQ(let rq) = request else { return association.abort() }
            association.respond(
                CMoveRSP(
                    messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: Self.sopClass, status: .success,
                    subOperations: SubOperationCounts(remaining: 0, completed: 1, failed: 0, warning: 0)),
                contextID: context.id)
        }
    }

    @Test("PS3.4 C.4.2 a final C-MOVE-RSP counting an instance that never arrives times out naming it as missing")
    func timesOutNamingWhatIsMissing() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let (acceptor, target) = try await startLoopbackAcceptor(aeTitle: "PACS", timeout: .seconds(60), group: group) { _, _ in
            (LyingMoveSCP.policy, LyingMoveSCP())
        }
        let coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: .milliseconds(300)))
        let request = RetrieveRequest(
            serverName: "pacs", calledAETitle: "PACS", ourAETitle: "PACSLINK", peerHost: "127.0.0.1", peerAddresses: ["127.0.0.1"],
            studyInstanceUID: "1.2.3")
        let started = ContinuousClock.now
        let outcome = try await MoveSCU.retrieve(target, request: request, listenPort: 11112, coordinator: coordinator, on: group.next())
        let elapsed = ContinuousClock.now - started
        await acceptor.stop()
        #expect(outcome.ending == .timedOut(missing: "1 of 1 counted instances not stored"))
        // Ended by the router's 300 ms inactivity timeout, not by the association's 60 s one
        // (wall clock on a loaded machine: only the order of magnitude is asserted).
        #expect(elapsed < .seconds(30))
    }
}
