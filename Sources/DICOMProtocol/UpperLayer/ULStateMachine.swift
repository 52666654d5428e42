/// The DICOM upper layer protocol machine of PS3.8 §9.2, without I/O and without a clock.
///
/// The I/O code feeds it every event (a local primitive, a decoded PDU, a transport
/// indication, ARTIM expiry as Evt18) and carries out the returned outputs in order. The
/// action for each (state, event) pair comes from `ULTransitionTable` (Table 9-10); an empty
/// cell changes nothing and yields `.eventNotPermitted`.
public struct ULStateMachine: Sendable {
    /// Which end of the association this machine is (PS3.8 §9.2.2, AR-8): the requestor
    /// started with Evt1 (A-ASSOCIATE request), the acceptor with Evt5 (transport
    /// connection indication).
    public enum Role: Hashable, Sendable {
        case requestor
        case acceptor
    }

    public private(set) var state: ULState
    /// Set by AE-1 or AE-5; `nil` before either ran.
    public private(set) var role: Role?
    /// Whether the ARTIM timer is running (PS3.8 §9.1.5), as far as the outputs so far say.
    public private(set) var isARTIMRunning: Bool

    /// An idle machine (Sta1).
    public init() {
        self.init(state: .sta1, role: nil, isARTIMRunning: false)
    }

    /// A machine already in `state`, for tests of single cells of Table 9-10.
    init(state: ULState, role: Role?, isARTIMRunning: Bool) {
        self.state = state
        self.role = role
        self.isARTIMRunning = isARTIMRunning
    }

    /// Handles one event: performs the action Table 9-10 gives for it in the current state and
    /// moves to the action's next state.
    public mutating func handle(_ event: ULEvent) -> [ULOutput] {
        guard let action = ULTransitionTable.action(for: event, in: state) else {
            return [.eventNotPermitted(event, in: state)]
        }
        let (next, outputs) = perform(action, event)
        for output in outputs {
            switch output {
            case .startARTIM: isARTIMRunning = true
            case .stopARTIM: isARTIMRunning = false
            default: break
            }
        }
        state = next
        return outputs
    }

    /// The next state and outputs of `action` (PS3.8 Tables 9-6 to 9-9).
    private mutating func perform(_ action: ULAction, _ event: ULEvent) -> (ULState, [ULOutput]) {
        switch action {
        case .ae1:
            role = .requestor
            return (.sta4, [.openTransportConnection])
        case .ae2: return (.sta5, [.send(.associateRQ)])
        case .ae3: return (.sta6, [.issue(.associateAccepted)])
        case .ae4: return (.sta1, [.issue(.associateRejected), .closeTransportConnection])
        case .ae5:
            role = .acceptor
            return (.sta2, [.acceptTransportConnection, .startARTIM])
        case .ae6:
            if case .evt6(acceptable: false) = event {
                return (.sta13, [.stopARTIM, .send(.associateRJ), .startARTIM])
            }
            return (.sta3, [.stopARTIM, .issue(.associateIndication)])
        case .ae7: return (.sta6, [.send(.associateAC)])
        case .ae8: return (.sta13, [.send(.associateRJ), .startARTIM])
        case .dt1: return (.sta6, [.send(.pDataTF)])
        case .dt2: return (.sta6, [.issue(.pDataIndication)])
        case .ar1: return (.sta7, [.send(.releaseRQ)])
        case .ar2: return (.sta8, [.issue(.releaseIndication)])
        case .ar3: return (.sta1, [.issue(.releaseConfirmation), .closeTransportConnection])
        case .ar4: return (.sta13, [.send(.releaseRP), .startARTIM])
        case .ar5: return (.sta1, [.stopARTIM])
        case .ar6: return (.sta7, [.issue(.pDataIndication)])
        case .ar7: return (.sta8, [.send(.pDataTF)])
        case .ar8: return (role == .requestor ? .sta9 : .sta10, [.issue(.releaseIndication)])
        case .ar9: return (.sta11, [.send(.releaseRP)])
        case .ar10: return (.sta12, [.issue(.releaseConfirmation)])
        case .aa1: return (.sta13, [.send(.abort(.serviceUser)), .startARTIM])
        case .aa2:
            return (.sta1, (isARTIMRunning ? [.stopARTIM] : []) + [.closeTransportConnection])
        case .aa3:
            let userAbort = event == .evt16(source: .serviceUser)
            return (.sta1, [
                .issue(userAbort ? .abortIndication : .providerAbortIndication),
                .closeTransportConnection,
            ])
        case .aa4: return (.sta1, [.issue(.providerAbortIndication)])
        case .aa5: return (.sta1, [.stopARTIM])
        case .aa6: return (.sta13, [])
        case .aa7: return (.sta13, [.send(.abort(.serviceProvider))])
        case .aa8:
            return (.sta13, [
                .send(.abort(.serviceProvider)), .issue(.providerAbortIndication), .startARTIM,
            ])
        }
    }
}
