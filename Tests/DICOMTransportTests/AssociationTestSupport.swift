import Testing
@testable import DICOMTransport
import DICOMProtocol

/// A Verification SCP for transport tests (the real one lives in PACSLink).
struct EchoHandler: DIMSEServiceHandler {
    static let verification = "1.2.840.10008.1.1"
    static let implicitLE = "1.2.840.10008.1.2"
    static let policy = AcceptorPolicy(
        presentationContexts: PresentationContextPolicy(transferSyntaxes: [verification: [implicitLE]]),
        implementationClassUID: "1.2.3")

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        guard case .cEchoRQ(let rq) = request else { return }
        association.respond(
            CEchoRSP(messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: rq.affectedSOPClassUID, status: .success),
            contextID: context.id)
    }
}

/// Records acceptor events for tests to poll.
final class EventLog: @unchecked Sendable {
    private let lock = PThreadLock()
    private var _events: [String] = []
    var events: [String] { lock.withLock { _events } }
    func record(_ event: AcceptorEvent) { lock.withLock { _events.append(event.description) } }
}

/// A started acceptor answering C-ECHO as "SCP" on 127.0.0.1, on `ports` fresh ports.
func startEchoAcceptor(
    group: EventLoopGroup, ports: Int = 1, maximumAssociations: Int = 64,
    timeouts: AssociationTimeouts = .uniform(.seconds(5)), log: EventLog = EventLog()
) async throws -> (MultiplexedAcceptor, [UInt16]) {
    let acceptor = MultiplexedAcceptor(
        MultiplexedAcceptor.Configuration(
            addresses: (0..<ports).map { _ in .init(host: "127.0.0.1", port: 0) },
            policy: AcceptancePolicy(aeTitles: [AETitle("SCP")]), maximumAssociations: maximumAssociations,
            timeouts: timeouts, route: { _, _ in (EchoHandler.policy, EchoHandler()) }),
        group: group, onEvent: { log.record($0) })
    let bound = try await acceptor.start()
    return (acceptor, bound.map(\.port))
}

func echoRequest(port: UInt16, called: String = "SCP", timeouts: AssociationTimeouts = .uniform(.seconds(5))) -> AssociationRequest {
    AssociationRequest(
        host: "127.0.0.1", port: port, calledAETitle: AETitle(called), callingAETitle: AETitle("SCU"),
        presentationContexts: AssociationRequest.contexts(
            abstractSyntaxes: [EchoHandler.verification], transferSyntaxes: [EchoHandler.implicitLE]),
        timeouts: timeouts)
}

/// Associate, C-ECHO, release; returns the echo status.
func echoOnce(port: UInt16, on loop: EventLoop) async throws -> DIMSEStatus? {
    let association = try await Association.request(echoRequest(port: port), on: loop)
    let response = try await association.send(
        CEchoRQ(messageID: 7, affectedSOPClassUID: EchoHandler.verification), abstractSyntax: EchoHandler.verification)
    try await association.release()
    await association.closed()
    guard case .cEchoRSP(let rsp) = response else { return nil }
    #expect(rsp.messageIDBeingRespondedTo == 7)
    return rsp.status
}

/// A service that never answers (for DIMSE timeouts) or aborts on every request.
struct MisbehavingHandler: DIMSEServiceHandler {
    let abortsInstead: Bool

    func association(
        _ association: isolated Association, received request: DIMSECommand, dataSet: [UInt8]?,
        context: AcceptedPresentationContext
    ) {
        if abortsInstead { association.abort() }
    }
}

/// An acceptor on one fresh port whose service is `handler`, with `policy`.
func startAcceptor(
    group: EventLoopGroup, handler: any DIMSEServiceHandler,
    policy: AcceptancePolicy = AcceptancePolicy(aeTitles: [AETitle("SCP")]),
    timeouts: AssociationTimeouts = .uniform(.seconds(5)), log: EventLog = EventLog()
) async throws -> (MultiplexedAcceptor, UInt16) {
    let acceptor = MultiplexedAcceptor(
        MultiplexedAcceptor.Configuration(
            addresses: [.init(host: "127.0.0.1", port: 0)], policy: policy, timeouts: timeouts,
            route: { _, _ in (EchoHandler.policy, handler) }),
        group: group, onEvent: { log.record($0) })
    return (acceptor, try await acceptor.start()[0].port)
}
