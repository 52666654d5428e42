import Testing
@testable import DICOMProtocol

/// Two machines wired back to back, as a requestor and an acceptor joined by a transport
/// connection: each PDU one sends becomes the matching event at the other (PS3.8 §9.2.1).
private struct Link {
    var requestor = ULStateMachine()
    var acceptor = ULStateMachine()

    /// The event a PDU raises when it arrives (PS3.8 Table 9-2).
    static func arrival(of pdu: ULOutput.PDU) -> ULEvent {
        switch pdu {
        case .associateRQ: .evt6(acceptable: true)
        case .associateAC: .evt3
        case .associateRJ: .evt4
        case .pDataTF: .evt10
        case .releaseRQ: .evt12
        case .releaseRP: .evt13
        case .abort(let source): .evt16(source: source)
        }
    }

    /// The PDUs among `outputs`, in order.
    static func sent(_ outputs: [ULOutput]) -> [ULOutput.PDU] {
        outputs.compactMap { if case .send(let pdu) = $0 { pdu } else { nil } }
    }
}

@Suite("PS3.8 9.2 upper layer state machine")
struct ULStateMachineTests {
    @Test("PS3.8 9.2 a normal association as requestor: connect, associate, data, release")
    func requestorSequence() {
        var m = ULStateMachine()
        #expect(m.handle(.evt1) == [.openTransportConnection])
        #expect(m.state == .sta4 && m.role == .requestor)
        #expect(m.handle(.evt2) == [.send(.associateRQ)])
        #expect(m.state == .sta5)
        #expect(m.handle(.evt3) == [.issue(.associateAccepted)])
        #expect(m.state == .sta6)
        #expect(m.handle(.evt9) == [.send(.pDataTF)])
        #expect(m.handle(.evt10) == [.issue(.pDataIndication)])
        #expect(m.handle(.evt11) == [.send(.releaseRQ)])
        #expect(m.state == .sta7)
        #expect(m.handle(.evt10) == [.issue(.pDataIndication)])
        #expect(m.state == .sta7)
        #expect(m.handle(.evt13) == [.issue(.releaseConfirmation), .closeTransportConnection])
        #expect(m.state == .sta1 && !m.isARTIMRunning)
    }

    @Test("PS3.8 9.2 a normal association as acceptor: ARTIM guards the wait for A-ASSOCIATE-RQ")
    func acceptorSequence() {
        var m = ULStateMachine()
        #expect(m.handle(.evt5) == [.acceptTransportConnection, .startARTIM])
        #expect(m.state == .sta2 && m.role == .acceptor && m.isARTIMRunning)
        #expect(m.handle(.evt6(acceptable: true)) == [.stopARTIM, .issue(.associateIndication)])
        #expect(m.state == .sta3 && !m.isARTIMRunning)
        #expect(m.handle(.evt7) == [.send(.associateAC)])
        #expect(m.state == .sta6)
        #expect(m.handle(.evt10) == [.issue(.pDataIndication)])
        #expect(m.handle(.evt12) == [.issue(.releaseIndication)])
        #expect(m.state == .sta8)
        #expect(m.handle(.evt9) == [.send(.pDataTF)])
        #expect(m.state == .sta8)
        #expect(m.handle(.evt14) == [.send(.releaseRP), .startARTIM])
        #expect(m.state == .sta13 && m.isARTIMRunning)
        #expect(m.handle(.evt17) == [.stopARTIM])
        #expect(m.state == .sta1 && !m.isARTIMRunning)
    }

    @Test("PS3.8 9.2 two machines back to back associate, exchange data and release")
    func linkedNormal() {
        var link = Link()
        _ = link.requestor.handle(.evt1)
        _ = link.acceptor.handle(.evt5)
        let rq = Link.sent(link.requestor.handle(.evt2))
        #expect(rq == [.associateRQ])
        _ = link.acceptor.handle(Link.arrival(of: rq[0]))
        let ac = Link.sent(link.acceptor.handle(.evt7))
        #expect(link.requestor.handle(Link.arrival(of: ac[0])) == [.issue(.associateAccepted)])
        let release = Link.sent(link.requestor.handle(.evt11))
        #expect(link.acceptor.handle(Link.arrival(of: release[0])) == [.issue(.releaseIndication)])
        let rp = Link.sent(link.acceptor.handle(.evt14))
        #expect(link.requestor.handle(Link.arrival(of: rp[0]))
            == [.issue(.releaseConfirmation), .closeTransportConnection])
        #expect(link.acceptor.handle(.evt17) == [.stopARTIM])
        #expect(link.requestor.state == .sta1 && link.acceptor.state == .sta1)
    }

    @Test("PS3.8 9.2 release collision: requestor Sta7→Sta9→Sta11→Sta1, acceptor Sta7→Sta10→Sta12→Sta13")
    func releaseCollision() {
        var link = Link()
        link.requestor = ULStateMachine(state: .sta6, role: .requestor, isARTIMRunning: false)
        link.acceptor = ULStateMachine(state: .sta6, role: .acceptor, isARTIMRunning: false)
        // Both users ask to release at once; the two A-RELEASE-RQ PDUs cross on the wire.
        let fromRequestor = Link.sent(link.requestor.handle(.evt11))
        let fromAcceptor = Link.sent(link.acceptor.handle(.evt11))
        #expect(fromRequestor == [.releaseRQ] && fromAcceptor == [.releaseRQ])
        #expect(link.requestor.handle(Link.arrival(of: fromAcceptor[0])) == [.issue(.releaseIndication)])
        #expect(link.acceptor.handle(Link.arrival(of: fromRequestor[0])) == [.issue(.releaseIndication)])
        #expect(link.requestor.state == .sta9 && link.acceptor.state == .sta10)
        // The requestor's user answers first (PS3.8 §7.2.2, release collision).
        let rp1 = Link.sent(link.requestor.handle(.evt14))
        #expect(rp1 == [.releaseRP] && link.requestor.state == .sta11)
        #expect(link.acceptor.handle(Link.arrival(of: rp1[0])) == [.issue(.releaseConfirmation)])
        #expect(link.acceptor.state == .sta12)
        let rp2 = Link.sent(link.acceptor.handle(.evt14))
        #expect(rp2 == [.releaseRP] && link.acceptor.state == .sta13 && link.acceptor.isARTIMRunning)
        #expect(link.requestor.handle(Link.arrival(of: rp2[0]))
            == [.issue(.releaseConfirmation), .closeTransportConnection])
        #expect(link.requestor.state == .sta1)
        #expect(link.acceptor.handle(.evt17) == [.stopARTIM])
        #expect(link.acceptor.state == .sta1)
    }

    @Test("PS3.8 9.1.5 ARTIM expiry closes a connection that never sends A-ASSOCIATE-RQ")
    func artimExpiryInSta2() {
        var m = ULStateMachine()
        _ = m.handle(.evt5)
        #expect(m.handle(.evt18) == [.stopARTIM, .closeTransportConnection])
        #expect(m.state == .sta1 && !m.isARTIMRunning)
    }

    @Test("PS3.8 9.1.5 ARTIM expiry in Sta13 closes when the peer does not, after a rejection")
    func artimExpiryInSta13() {
        var m = ULStateMachine()
        _ = m.handle(.evt5)
        _ = m.handle(.evt6(acceptable: true))
        #expect(m.handle(.evt8) == [.send(.associateRJ), .startARTIM])
        #expect(m.state == .sta13)
        #expect(m.handle(.evt3) == [])  // AA-6: a late PDU is ignored
        #expect(m.state == .sta13)
        #expect(m.handle(.evt18) == [.stopARTIM, .closeTransportConnection])
        #expect(m.state == .sta1)
        #expect(m.handle(.evt18) == [.eventNotPermitted(.evt18, in: .sta1)])
    }

    @Test("PS3.8 Table 9-6 AE-6 rejects an A-ASSOCIATE-RQ the provider cannot accept")
    func providerRejection() {
        var m = ULStateMachine()
        _ = m.handle(.evt5)
        #expect(m.handle(.evt6(acceptable: false)) == [.stopARTIM, .send(.associateRJ), .startARTIM])
        #expect(m.state == .sta13 && m.isARTIMRunning)
    }

    @Test("PS3.8 Table 9-6 AE-4 a rejected requestor closes and goes idle")
    func requestorRejected() {
        var m = ULStateMachine()
        _ = m.handle(.evt1)
        _ = m.handle(.evt2)
        #expect(m.handle(.evt4) == [.issue(.associateRejected), .closeTransportConnection])
        #expect(m.state == .sta1)
    }

    private static let associationStates: [ULState] = [
        .sta3, .sta5, .sta6, .sta7, .sta8, .sta9, .sta10, .sta11, .sta12,
    ]

    @Test("PS3.8 AA-1 a local abort in any state with a peer sends A-ABORT and awaits the close",
          arguments: associationStates)
    func localAbort(_ state: ULState) {
        var m = ULStateMachine(state: state, role: .requestor, isARTIMRunning: false)
        #expect(m.handle(.evt15) == [.send(.abort(.serviceUser)), .startARTIM])
        #expect(m.state == .sta13)
        #expect(m.handle(.evt17) == [.stopARTIM])
        #expect(m.state == .sta1)
    }

    @Test("PS3.8 AA-2 a local abort while connecting just closes")
    func localAbortWhileConnecting() {
        var m = ULStateMachine()
        _ = m.handle(.evt1)
        #expect(m.handle(.evt15) == [.closeTransportConnection])
        #expect(m.state == .sta1)
    }

    @Test("PS3.8 AA-3 a peer's A-ABORT gives A-ABORT or A-P-ABORT by its source",
          arguments: associationStates)
    func peerAbort(_ state: ULState) {
        var user = ULStateMachine(state: state, role: .acceptor, isARTIMRunning: false)
        #expect(user.handle(.evt16(source: .serviceUser))
            == [.issue(.abortIndication), .closeTransportConnection])
        var provider = ULStateMachine(state: state, role: .acceptor, isARTIMRunning: false)
        #expect(provider.handle(.evt16(source: .serviceProvider))
            == [.issue(.providerAbortIndication), .closeTransportConnection])
        #expect(user.state == .sta1 && provider.state == .sta1)
    }

    @Test("PS3.8 AA-4 the transport closing under an association is an A-P-ABORT",
          arguments: associationStates + [.sta4])
    func transportClosed(_ state: ULState) {
        var m = ULStateMachine(state: state, role: .requestor, isARTIMRunning: false)
        #expect(m.handle(.evt17) == [.issue(.providerAbortIndication)])
        #expect(m.state == .sta1)
    }

    @Test("PS3.8 AA-8 an invalid or unexpected PDU aborts as service provider",
          arguments: associationStates)
    func invalidPDU(_ state: ULState) {
        var m = ULStateMachine(state: state, role: .requestor, isARTIMRunning: false)
        #expect(m.handle(.evt19)
            == [.send(.abort(.serviceProvider)), .issue(.providerAbortIndication), .startARTIM])
        #expect(m.state == .sta13 && m.isARTIMRunning)
    }

    @Test("PS3.8 Sta2 and Sta13 aborts: AA-1 before association, AA-7 and AA-2 after it ended")
    func abortsOutsideAnAssociation() {
        var waiting = ULStateMachine()
        _ = waiting.handle(.evt5)
        #expect(waiting.handle(.evt19) == [.send(.abort(.serviceUser)), .startARTIM])
        #expect(waiting.state == .sta13)
        #expect(waiting.handle(.evt19) == [.send(.abort(.serviceProvider))])
        #expect(waiting.state == .sta13)
        #expect(waiting.handle(.evt16(source: .serviceUser)) == [.stopARTIM, .closeTransportConnection])
        #expect(waiting.state == .sta1)

        var closing = ULStateMachine()
        _ = closing.handle(.evt5)
        #expect(closing.handle(.evt17) == [.stopARTIM])
        #expect(closing.state == .sta1)
    }

    @Test("PS3.8 Table 9-10 a local primitive at the wrong time changes nothing")
    func notPermitted() {
        var m = ULStateMachine()
        #expect(m.handle(.evt9) == [.eventNotPermitted(.evt9, in: .sta1)])
        #expect(m.state == .sta1 && m.role == nil)
        _ = m.handle(.evt1)
        #expect(m.handle(.evt11) == [.eventNotPermitted(.evt11, in: .sta4)])
        #expect(m.state == .sta4)
    }
}
