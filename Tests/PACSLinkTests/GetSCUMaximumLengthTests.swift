import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import TestSupport
import Testing

/// What `GetSCU` proposes (PS3.8 §D.1): the instances of a C-GET come back on its own
/// association, so it advertises the storage listener's Maximum Length, as `listen` does for
/// the sub-associations of a C-MOVE; its C-FIND for the SOP classes keeps the default.
@Suite("GetSCU: Maximum Length advertised")
struct GetSCUMaximumLengthTests {
    /// Every A-ASSOCIATE-RQ the acceptor received: the GET SOP class proposed or not, and the
    /// Maximum Length.
    final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [(proposesGet: Bool, maximumLength: UInt32?)] = []
        func record(_ rq: AssociateRQ) {
            let get = QueryModel.studyRoot.getSOPClass.uid
            lock.withLock {
                seen.append((rq.presentationContexts.contains { $0.abstractSyntax == get }, rq.userInformation.maximumLength))
            }
        }
        var all: [(proposesGet: Bool, maximumLength: UInt32?)] { lock.withLock { seen } }
    }

    /// Accepts nothing: answers every context "abstract syntax not supported".
    struct RefusingSCP: DIMSEServiceHandler {
        func association(
            _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
            context: AcceptedPresentationContext
        ) {
            association.abort()
        }
    }

    @Test("PS3.8 D.1 the C-GET association advertises 256 KiB; the C-FIND before it the default 16 KiB")
    func advertisedMaximumLength() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let requests = Requests()
        let (acceptor, target) = try await startLoopbackAcceptor(aeTitle: "PACS", timeout: .seconds(10), group: group) { rq, _ in
            requests.record(rq)
            return (
                AcceptorPolicy(
                    presentationContexts: PresentationContextPolicy(transferSyntaxes: [:]),
                    implementationClassUID: UID.implementationClassUID),
                RefusingSCP())
        }
        let request = RetrieveRequest(
            serverName: "pacs", calledAETitle: "PACS", ourAETitle: "PACSLINK", peerHost: "127.0.0.1",
            peerAddresses: ["127.0.0.1"], studyInstanceUID: "1.2.3", method: .get)
        let coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: .seconds(5)))
        let root = try TemporaryDirectory(prefix: "get-maximum-length")
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        // Nothing is accepted, so the retrieve fails; what it proposed is what is checked.
        _ = try? await GetSCU.retrieve(target, request: request, store: store, coordinator: coordinator, on: group.next())
        await acceptor.stop()
        let get = requests.all.filter(\.proposesGet)
        #expect(get.count == 1)
        #expect(get.first?.maximumLength == StorageSCP.maximumPDULength)
        #expect(StorageSCP.maximumPDULength == 256 << 10)
        #expect(requests.all.filter { !$0.proposesGet }.allSatisfy { $0.maximumLength == PDUDecoder.defaultMaximumPDULength })
    }
}
