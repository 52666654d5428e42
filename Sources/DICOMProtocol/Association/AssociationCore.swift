/// One association's upper layer, without I/O and without a clock (PS3.8 §9): it feeds
/// received bytes through a `PDUDecoder`, turns PDUs and the user's requests into the events
/// of `ULStateMachine`, and returns what the I/O code must do as `AssociationAction`s — bytes
/// to write, ARTIM to start or stop, the transport to open or close, indications for the user.
///
/// The requestor calls `requestAssociation`, then `transportConnected()` once connected; the
/// acceptor calls `transportConnectionIndication()` for an accepted connection, then answers
/// the `.associateRequest` indication with `accept` or `reject`. A PDU that cannot be decoded
/// aborts the association (AA-8) with the reason `AAbort.Reason(for:)` gives, and nothing
/// received after it is looked at.
public struct AssociationCore: Sendable {
    public private(set) var machine = ULStateMachine()
    private var decoder: PDUDecoder
    /// True while received bytes wait for the rest of their PDU (the transport then
    /// acknowledges at once, so a Nagle peer sends the rest without waiting for a delayed ACK).
    public var hasPartialPDU: Bool { decoder.bufferedByteCount > 0 }
    /// Set once the decoder failed: later bytes are ignored (the association is over).
    private var decoderFailed = false

    /// Our A-ASSOCIATE-RQ (requestor), kept to read the AC against.
    public private(set) var proposal: AssociateRQ?
    /// The peer's A-ASSOCIATE-RQ (acceptor).
    public private(set) var peerRequest: AssociateRQ?
    /// What was agreed, once accepted.
    public private(set) var negotiated: NegotiatedAssociation?
    /// The protocol violation that made us abort, if one did (also before an association
    /// existed, when PS3.8 issues no indication: AA-1 in Sta2, AA-7 in Sta13).
    public private(set) var violation: AssociationIndication.AbortCause?

    /// The PDU the next `.send` output writes, set just before the event that sends it.
    private var outgoing: [UInt8] = []
    /// What the PDU that triggered the current event carried, for its indication.
    private var received: AssociationIndication?
    /// The reason of the A-ABORT we send as service provider (AA-7, AA-8).
    private var abortReason = AAbort.Reason.unexpectedPDU
    private var abortDetail = ""
    /// The PDU being handled and the state it arrived in: the detail of the abort (AA-2) should
    /// it not be allowed there, worded only then (every P-DATA-TF passes through here).
    private var unexpected: (pdu: String, state: ULState)?
    private var abortText: String { unexpected.map { "\($0.pdu) is not allowed in \($0.state)" } ?? abortDetail }

    /// - Parameter maximumAssociatePDULength: the limit for a received A-ASSOCIATE PDU; the
    ///   limit for P-DATA-TF is the Maximum Length we advertise, set from our RQ or AC.
    public init(maximumAssociatePDULength: UInt32 = PDUDecoder.defaultMaximumAssociatePDULength) {
        decoder = PDUDecoder(maximumAssociatePDULength: maximumAssociatePDULength)
    }

    public var state: ULState { machine.state }

    // MARK: Local requests (PS3.8 §9.2, Evt1, Evt2, Evt5, Evt7–Evt9, Evt11, Evt14, Evt15)

    /// A-ASSOCIATE request (Evt1): asks to open the transport.
    public mutating func requestAssociation(_ rq: AssociateRQ) -> [AssociationAction] {
        proposal = rq
        decoder.maximumPDULength = rq.userInformation.maximumLength ?? 0
        return run(.evt1)
    }

    /// Transport connect confirmation (Evt2): sends the A-ASSOCIATE-RQ.
    public mutating func transportConnected() -> [AssociationAction] {
        outgoing = proposal.map { PDU.associateRQ($0).encoded() } ?? []
        return run(.evt2)
    }

    /// Transport connection indication (Evt5): an accepted connection; starts ARTIM.
    public mutating func transportConnectionIndication() -> [AssociationAction] {
        run(.evt5)
    }

    /// A-ASSOCIATE response, accept (Evt7): answers the peer's RQ under `policy`.
    public mutating func accept(policy: AcceptorPolicy) -> [AssociationAction] {
        guard let rq = peerRequest, state == .sta3 else { return run(.evt7) }
        let (ac, agreed) = AssociationNegotiation.accept(rq, policy: policy)
        negotiated = agreed
        decoder.maximumPDULength = policy.maximumLength
        outgoing = PDU.associateAC(ac).encoded()
        return run(.evt7)
    }

    /// A-ASSOCIATE response, reject (Evt8).
    public mutating func reject(_ rj: AssociateRJ) -> [AssociationAction] {
        outgoing = PDU.associateRJ(rj).encoded()
        return run(.evt8)
    }

    /// P-DATA request (Evt9): `pdus` is one or more whole P-DATA-TF PDUs (e.g. written by a
    /// `MessageFragmenter`), sent in one write.
    public mutating func sendPData(_ pdus: [UInt8]) -> [AssociationAction] {
        outgoing = pdus
        return run(.evt9)
    }

    /// A-RELEASE request (Evt11).
    public mutating func release() -> [AssociationAction] {
        outgoing = PDU.releaseRQ.encoded()
        return run(.evt11)
    }

    /// A-RELEASE response (Evt14), after a `.releaseRequested` indication.
    public mutating func releaseResponse() -> [AssociationAction] {
        outgoing = PDU.releaseRP.encoded()
        return run(.evt14)
    }

    /// A-ABORT request (Evt15), as service user.
    public mutating func abort() -> [AssociationAction] {
        run(.evt15)
    }

    /// Aborts as service provider because of `error` (Evt19, AA-8): what the DIMSE layer calls
    /// when the P-DATA it received breaks the protocol.
    public mutating func abort(for error: ProtocolError) -> [AssociationAction] {
        decoderFailed = true
        abortReason = AAbort.Reason(for: error)
        abortDetail = error.description
        unexpected = nil
        violation = violation ?? .protocolViolation(abortReason, detail: abortText)
        return run(.evt19)
    }

    // MARK: Transport and timer events (Evt17, Evt18)

    /// Transport connection closed (Evt17); nothing to do once idle.
    public mutating func transportClosed() -> [AssociationAction] {
        guard state != .sta1 else { return [] }
        return run(.evt17)
    }

    /// ARTIM timer expired (Evt18).
    public mutating func artimExpired() -> [AssociationAction] {
        run(.evt18)
    }

    // MARK: Received bytes (Evt3, Evt4, Evt6, Evt10, Evt12, Evt13, Evt16, Evt19)

    /// Feeds received bytes and handles every PDU they complete.
    public mutating func receive(_ bytes: UnsafeRawBufferPointer) -> [AssociationAction] {
        guard !decoderFailed else { return [] }
        decoder.feed(bytes)
        return decodeAvailable()
    }

    /// `receive` for bytes in an array (tests, in-memory peers).
    public mutating func receive(_ bytes: [UInt8]) -> [AssociationAction] {
        bytes.withUnsafeBytes { receive($0) }
    }

    private mutating func decodeAvailable() -> [AssociationAction] {
        var actions: [AssociationAction] = []
        while !decoderFailed {
            do {
                guard let pdu = try decoder.next() else { break }
                actions += handle(pdu)
            } catch {
                actions += abort(for: error)
            }
        }
        return actions
    }

    private mutating func handle(_ pdu: PDU) -> [AssociationAction] {
        abortReason = .unexpectedPDU
        unexpected = (pdu.name, state)
        switch pdu {
        case .associateRQ(let rq):
            peerRequest = rq
            received = .associateRequest(rq)
            // PS3.8 §9.3.2: bit 0 of Protocol-version is version 1; without it, reject (AE-6).
            let acceptable = rq.protocolVersion & 1 == 1
            if !acceptable {
                outgoing = PDU.associateRJ(AssociateRJ(
                    result: .rejectedPermanent, source: .serviceProviderACSE(.protocolVersionNotSupported))).encoded()
            }
            return run(.evt6(acceptable: acceptable))
        case .associateAC(let ac):
            if state == .sta5, let proposal {
                do {
                    negotiated = try AssociationNegotiation.accepted(ac, proposed: proposal)
                } catch let error as ProtocolError {
                    return abort(for: error)
                } catch {
                    return abort(for: ProtocolError(.invalidValue, field: "A-ASSOCIATE-AC", "\(error)"))
                }
                received = negotiated.map { .accepted($0) }
            }
            return run(.evt3)
        case .associateRJ(let rj):
            received = .rejected(rj)
            return run(.evt4)
        case .pDataTF(let data):
            received = .pData(data)
            return run(.evt10)
        case .releaseRQ:
            return run(.evt12)
        case .releaseRP:
            return run(.evt13)
        case .abort(let abort):
            received = .aborted(abort)
            return run(.evt16(source: abort.source == .serviceUser ? .serviceUser : .serviceProvider))
        }
    }

    // MARK: Carrying out the state machine's outputs

    private mutating func run(_ event: ULEvent) -> [AssociationAction] {
        let outputs = machine.handle(event)
        var actions: [AssociationAction] = []
        actions.reserveCapacity(outputs.count)
        for output in outputs {
            switch output {
            case .openTransportConnection: actions.append(.openTransport)
            case .acceptTransportConnection: break
            case .send(let pdu): actions.append(.write(bytes(for: pdu)))
            case .issue(let primitive): actions.append(.indicate(indication(for: primitive, event)))
            case .startARTIM: actions.append(.startARTIM)
            case .stopARTIM: actions.append(.stopARTIM)
            case .closeTransportConnection: actions.append(.closeTransport)
            case .eventNotPermitted(let event, let state): actions.append(.indicate(.notPermitted(event, in: state)))
            }
        }
        outgoing = []
        received = nil
        return actions
    }

    private func bytes(for pdu: ULOutput.PDU) -> [UInt8] {
        switch pdu {
        case .associateRQ, .associateAC, .associateRJ, .pDataTF, .releaseRQ, .releaseRP: outgoing
        case .abort(.serviceUser): PDU.abort(AAbort(source: .serviceUser)).encoded()
        case .abort(.serviceProvider): PDU.abort(AAbort(source: .serviceProvider, reason: abortReason)).encoded()
        }
    }

    private func indication(for primitive: ULOutput.Primitive, _ event: ULEvent) -> AssociationIndication {
        switch primitive {
        case .associateIndication, .associateAccepted, .associateRejected, .pDataIndication, .abortIndication:
            return received ?? .providerAborted(.protocolViolation(abortReason, detail: abortText))
        case .releaseIndication: return .releaseRequested
        case .releaseConfirmation: return .released
        case .providerAbortIndication:
            if case .evt16 = event, let received { return received }
            if event == .evt17 { return .providerAborted(.transportClosed) }
            return .providerAborted(.protocolViolation(abortReason, detail: abortText))
        }
    }
}
