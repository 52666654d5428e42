import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import Testing

/// C-FIND SCU pending responses and C-CANCEL (PS3.7 §9.3.2) against an in-process SCP that
/// sends one match and then waits for the cancel before answering 0xFE00.
@Suite("Find: pending matches and C-CANCEL")
struct FindCancelTests {
    /// Answers a C-FIND with one pending match, then waits; a C-CANCEL-RQ gets the final
    /// 0xFE00 Cancel response.
    struct SlowFindSCP: DIMSEServiceHandler {
        let cancels: CancelCount
        static let sopClass = QueryModel.studyRoot.findSOPClass.uid
        static let policy = AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: [sopClass: [TransferSyntax.explicitVRLittleEndian.uid]]),
            implementationClassUID: UID.implementationClassUID)

        func association(
            _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
            context: AcceptedPresentationContext
        ) {
            switch request {
            case .cFindRQ(let rq):
                var match = DataSet()
                match.setUID("1.2.3", for: .studyInstanceUID)
                let bytes = try? DataSetEncoder(encoding: .explicitVRLittleEndian).encode(match)
                association.respond(
                    CFindRSP(messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: Self.sopClass, status: .pending, hasDataSet: true),
                    contextID: context.id, dataSet: bytes)
            case .cCancelRQ(let cancel):
                cancels.increment()
                association.respond(
                    CFindRSP(messageIDBeingRespondedTo: cancel.messageIDBeingRespondedTo, affectedSOPClassUID: Self.sopClass, status: .cancel, hasDataSet: false),
                    contextID: context.id)
            default:
                association.abort()
            }
        }
    }

    final class CancelCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    final class Matches: @unchecked Sendable {
        private let lock = NSLock()
        private var uids: [String] = []
        func append(_ uid: String) { lock.withLock { uids.append(uid) } }
        var all: [String] { lock.withLock { uids } }
    }

    @Test("PS3.7 9.3.2.3 a pending match reaches the caller as it arrives; cancelling sends C-CANCEL-RQ and the final status is 0xFE00")
    func cancelAfterFirstMatch() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let cancels = CancelCount()
        let (acceptor, target) = try await startLoopbackAcceptor(aeTitle: "SCP", timeout: .seconds(30), group: group) { _, _ in
            (SlowFindSCP.policy, SlowFindSCP(cancels: cancels))
        }
        let identifier = try QueryKeys.identifier(level: .study, model: .studyRoot, keys: [])
        let matches = Matches()
        let task = Task { () async -> Result<FindSCU.Outcome, QueryRetrieveFailure> in
            do throws(QueryRetrieveFailure) {
                return .success(try await FindSCU.find(target, model: .studyRoot, identifier: identifier, on: group.next()) { match in
                    matches.append(match.uid(.studyInstanceUID) ?? "")
                })
            } catch {
                return .failure(error)
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while matches.all.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(matches.all == ["1.2.3"])
        task.cancel()
        let outcome = try await task.value.get()
        await acceptor.stop()
        #expect(outcome.status == .cancel)
        #expect(outcome.matches == 1)
        #expect(cancels.value == 1)
    }
}
