import Testing
@testable import DICOMProtocol

/// Two cores wired back to back in memory: what one writes, the other receives.
private struct Pair {
    var requestor = AssociationCore()
    var acceptor = AssociationCore()
    var requestorSaw: [AssociationAction] = []
    var acceptorSaw: [AssociationAction] = []

    static let verification = "1.2.840.10008.1.1"
    static let implicitLE = "1.2.840.10008.1.2"

    static func rq(called: String = "SCP", maximumLength: UInt32 = 16_384) -> AssociateRQ {
        AssociateRQ(
            calledAETitle: AETitle(called), callingAETitle: AETitle("SCU"),
            presentationContexts: [PresentationContextRQ(id: 1, abstractSyntax: verification, transferSyntaxes: [implicitLE])],
            userInformation: UserInformation(maximumLength: maximumLength, implementationClassUID: "1.2.3"))
    }

    static let policy = AcceptorPolicy(
        presentationContexts: PresentationContextPolicy(transferSyntaxes: [verification: [implicitLE]]),
        implementationClassUID: "1.2.3.4")

    /// Delivers `actions` of one side to the other, recursively, until nothing is written.
    mutating func deliver(_ actions: [AssociationAction], fromRequestor: Bool) {
        if fromRequestor { requestorSaw += actions } else { acceptorSaw += actions }
        for case .write(let bytes) in actions {
            if fromRequestor {
                deliver(acceptor.receive(bytes), fromRequestor: false)
            } else {
                deliver(requestor.receive(bytes), fromRequestor: true)
            }
        }
    }

    /// Requestor asks, transport connects, acceptor gets the RQ.
    mutating func connect(_ rq: AssociateRQ = Pair.rq()) {
        #expect(requestor.requestAssociation(rq) == [.openTransport])
        #expect(acceptor.transportConnectionIndication() == [.startARTIM])
        deliver(requestor.transportConnected(), fromRequestor: true)
    }

    mutating func associate() {
        connect()
        deliver(acceptor.accept(policy: Pair.policy), fromRequestor: false)
    }
}

private func indications(_ actions: [AssociationAction]) -> [AssociationIndication] {
    actions.compactMap { if case .indicate(let i) = $0 { i } else { nil } }
}

private func writtenPDUs(_ actions: [AssociationAction]) -> [PDU] {
    actions.compactMap { if case .write(let b) = $0 { try? PDU(decoding: b[...]) } else { nil } }
}

@Suite("Association core (PS3.8 §9, sans I/O)")
struct AssociationCoreTests {
    @Test("PS3.8 9.2 requestor and acceptor cores associate, exchange P-DATA and release in memory")
    func associateExchangeRelease() throws {
        var pair = Pair()
        pair.connect()
        #expect(indications(pair.acceptorSaw) == [.associateRequest(Pair.rq())])
        #expect(pair.acceptor.state == .sta3)
        pair.deliver(pair.acceptor.accept(policy: Pair.policy), fromRequestor: false)
        #expect(pair.acceptor.state == .sta6 && pair.requestor.state == .sta6)
        let agreed = try #require(pair.requestor.negotiated)
        #expect(agreed.acceptedContexts.map(\.abstractSyntax) == [Pair.verification])
        #expect(agreed.peerMaximumLength == 16_384)
        #expect(pair.acceptor.negotiated?.acceptedContexts == agreed.acceptedContexts)

        let data = PDU.pDataTF(PDataTF(pdvs: [
            PresentationDataValue(presentationContextID: 1, isCommand: true, isLastFragment: true, data: [1, 2, 3])
        ])).encoded()
        pair.acceptorSaw = []
        pair.deliver(pair.requestor.sendPData(data), fromRequestor: true)
        guard case .pData(let received)? = indications(pair.acceptorSaw).first else {
            Issue.record("no P-DATA indication: \(pair.acceptorSaw)")
            return
        }
        #expect(received.pdvs.map { Array($0.data) } == [[1, 2, 3]])

        pair.acceptorSaw = []
        pair.requestorSaw = []
        pair.deliver(pair.requestor.release(), fromRequestor: true)
        #expect(indications(pair.acceptorSaw) == [.releaseRequested])
        pair.deliver(pair.acceptor.releaseResponse(), fromRequestor: false)
        #expect(pair.acceptorSaw.suffix(2) == [.write(PDU.releaseRP.encoded()), .startARTIM])
        #expect(pair.requestorSaw.suffix(2) == [.indicate(.released), .closeTransport])
        #expect(pair.requestor.state == .sta1 && pair.acceptor.state == .sta13)
        #expect(pair.acceptor.transportClosed() == [.stopARTIM])
        #expect(pair.acceptor.state == .sta1)
    }

    @Test("PS3.8 9.3.4 a rejection reaches the requestor as a result with source and reason")
    func rejection() {
        var pair = Pair()
        pair.connect()
        let rj = AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized))
        pair.deliver(pair.acceptor.reject(rj), fromRequestor: false)
        #expect(indications(pair.requestorSaw) == [.rejected(rj)])
        #expect(pair.requestorSaw.last == .closeTransport)
        #expect(pair.acceptor.state == .sta13)
        #expect(rj.description == "rejected (permanent): called AE title not recognized (service user)")
    }

    @Test("PS3.8 9.3.2 an A-ASSOCIATE-RQ without protocol version 1 is rejected by the provider (AE-6)")
    func protocolVersion() throws {
        var acceptor = AssociationCore()
        _ = acceptor.transportConnectionIndication()
        var rq = Pair.rq()
        rq.protocolVersion = 2
        let actions = acceptor.receive(PDU.associateRQ(rq).encoded())
        let rj = try #require(writtenPDUs(actions).first)
        #expect(rj == .associateRJ(AssociateRJ(result: .rejectedPermanent, source: .serviceProviderACSE(.protocolVersionNotSupported))))
        #expect(acceptor.state == .sta13)
    }

    @Test("PS3.8 9.3.8 garbage aborts with 'unrecognized PDU' and later bytes are ignored")
    func garbage() {
        var pair = Pair()
        pair.associate()
        let actions = pair.acceptor.receive([0x09, 0, 0, 0, 0, 0, 1, 2, 3])
        #expect(writtenPDUs(actions) == [.abort(AAbort(source: .serviceProvider, reason: .unrecognizedPDU))])
        #expect(actions.contains { if case .indicate(.providerAborted(.protocolViolation(.unrecognizedPDU, _))) = $0 { true } else { false } })
        #expect(actions.last == .startARTIM)
        #expect(pair.acceptor.state == .sta13)
        #expect(pair.acceptor.receive(PDU.releaseRQ.encoded()) == [])
        #expect(pair.acceptor.artimExpired() == [.stopARTIM, .closeTransport])
    }

    @Test("PS3.8 9.3.8 a P-DATA-TF longer than our Maximum Length aborts with 'invalid PDU parameter value'")
    func oversize() {
        var pair = Pair()
        pair.associate()
        // PDU-length 0x7FFFFFFF: refused from the header alone.
        let actions = pair.acceptor.receive([0x04, 0, 0x7F, 0xFF, 0xFF, 0xFF])
        #expect(writtenPDUs(actions) == [.abort(AAbort(source: .serviceProvider, reason: .invalidPDUParameterValue))])
    }

    @Test("PS3.8 9.2 AA-8: a valid PDU in the wrong state aborts with 'unexpected PDU'")
    func unexpectedPDU() {
        var pair = Pair()
        pair.associate()
        let rq = PDU.associateRQ(Pair.rq()).encoded()
        let actions = pair.acceptor.receive(rq)
        #expect(writtenPDUs(actions) == [.abort(AAbort(source: .serviceProvider, reason: .unexpectedPDU))])
    }

    @Test("PS3.8 9.3.8 decoding errors map to the A-ABORT reasons of Table 9-26")
    func reasonMapping() {
        #expect(AAbort.Reason(for: ProtocolError(.unsupported, field: "PDU-type", "x")) == .unrecognizedPDU)
        #expect(AAbort.Reason(for: ProtocolError(.unsupported, field: "Command Field", "x")) == .unrecognizedPDUParameter)
        #expect(AAbort.Reason(for: ProtocolError(.malformed, field: "sub-item", "x")) == .unexpectedPDUParameter)
        #expect(AAbort.Reason(for: ProtocolError(.malformed, field: "PDV Item-length", "x")) == .invalidPDUParameterValue)
        #expect(AAbort.Reason(for: ProtocolError(.tooLong, field: "P-DATA-TF PDU-length", "x")) == .invalidPDUParameterValue)
        #expect(AAbort.Reason(for: ProtocolError(.truncated, field: "PDU", "x")) == .invalidPDUParameterValue)
    }

    @Test("PS3.8 9.3.3 an A-ASSOCIATE-AC that accepts an unoffered transfer syntax is aborted")
    func badAC() {
        var requestor = AssociationCore()
        _ = requestor.requestAssociation(Pair.rq())
        _ = requestor.transportConnected()
        let ac = AssociateAC(
            calledAETitle: AETitle("SCP"), callingAETitle: AETitle("SCU"),
            presentationContexts: [PresentationContextAC(id: 1, result: .acceptance, transferSyntax: "1.2.840.10008.1.2.1")],
            userInformation: UserInformation(maximumLength: 0))
        let actions = requestor.receive(PDU.associateAC(ac).encoded())
        #expect(writtenPDUs(actions) == [.abort(AAbort(source: .serviceProvider, reason: .invalidPDUParameterValue))])
        #expect(requestor.state == .sta13)
    }

    @Test("PS3.8 9.2 release collision: both sides release at once and both end released")
    func releaseCollision() {
        var pair = Pair()
        pair.associate()
        let fromRequestor = pair.requestor.release()
        let fromAcceptor = pair.acceptor.release()
        pair.requestorSaw = []
        pair.acceptorSaw = []
        // Both RQs cross on the wire: each side receives the other's in Sta7 (AR-8).
        for case .write(let bytes) in fromAcceptor { pair.requestorSaw += pair.requestor.receive(bytes) }
        for case .write(let bytes) in fromRequestor { pair.acceptorSaw += pair.acceptor.receive(bytes) }
        #expect(pair.requestor.state == .sta9 && pair.acceptor.state == .sta10)
        // The requestor answers first (AR-9), the acceptor confirms (AR-10) then answers (AR-4).
        pair.deliver(pair.requestor.releaseResponse(), fromRequestor: true)
        #expect(pair.acceptor.state == .sta12)
        pair.deliver(pair.acceptor.releaseResponse(), fromRequestor: false)
        #expect(pair.requestor.state == .sta1)
        #expect(indications(pair.requestorSaw).filter { $0 == .released }.count == 1)
        #expect(indications(pair.acceptorSaw).filter { $0 == .released }.count == 1)
    }

    @Test("PS3.8 9.2 A-ABORT both ways: user abort reaches the peer as an abort indication")
    func abortBothWays() {
        var pair = Pair()
        pair.associate()
        pair.acceptorSaw = []
        pair.deliver(pair.requestor.abort(), fromRequestor: true)
        #expect(indications(pair.acceptorSaw) == [.aborted(AAbort(source: .serviceUser))])
        #expect(pair.acceptorSaw.last == .closeTransport)
        #expect(pair.requestor.state == .sta13)
        #expect(pair.requestor.transportClosed() == [.stopARTIM])
    }

    @Test("PS3.8 9.2 AA-4: the transport closing under an association is a provider abort")
    func transportClosed() {
        var pair = Pair()
        pair.associate()
        #expect(pair.requestor.transportClosed() == [.indicate(.providerAborted(.transportClosed))])
    }

    @Test("PS3.8 9.2 a local request in the wrong state is refused, not performed")
    func notPermitted() {
        var core = AssociationCore()
        #expect(core.sendPData([1]) == [.indicate(.notPermitted(.evt9, in: .sta1))])
        #expect(core.state == .sta1)
    }

    @Test("PS3.8 9.3 bytes arriving one at a time decode the same PDUs")
    func byteByByte() {
        var pair = Pair()
        _ = pair.requestor.requestAssociation(Pair.rq())
        _ = pair.acceptor.transportConnectionIndication()
        var saw: [AssociationAction] = []
        for case .write(let bytes) in pair.requestor.transportConnected() {
            for byte in bytes { saw += pair.acceptor.receive([byte]) }
        }
        #expect(indications(saw) == [.associateRequest(Pair.rq())])
    }
}
