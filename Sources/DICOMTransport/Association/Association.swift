import DICOMProtocol

/// One DICOM association over a channel (PS3.8 §9), in the requestor (SCU) or acceptor (SCP)
/// role: an actor whose executor is its event loop, so the channel's reads, the timers and the
/// protocol core all run on the loop thread and enter it synchronously — no hop per PDU.
///
/// It owns the channel, the sans-I/O `AssociationCore`, a `MessageAssembler` for DIMSE, and the
/// timers: ARTIM, the phase timer (associate, DIMSE response, release) and the idle timer. A
/// malformed PDU aborts this association only (AA-8, with the reason of
/// `AAbort.Reason(for:)`); every failure is reported as an `AssociationError` naming its phase.
///
/// Requestor: `Association.request(_:on:)`, then `send(_:abstractSyntax:)`, `release()` or
/// `abort()`. Acceptor: `Association.accept(channel:timeouts:decide:onEnd:)`, usually through
/// `MultiplexedAcceptor`.
public actor Association: LoopBoundActor {
    public nonisolated let eventLoop: EventLoop
    public nonisolated let role: ULStateMachine.Role
    public nonisolated let timeouts: AssociationTimeouts

    var core = AssociationCore()
    var channel: (any Channel)?
    /// "host:port" of the peer (as asked for, then as connected).
    public internal(set) var peer: String
    public internal(set) var timings = AssociationTimings()
    /// What was agreed, once the association is established.
    public internal(set) var negotiated: NegotiatedAssociation?
    /// The phase the association is in, for errors.
    var phase = AssociationError.Phase.resolve
    var phaseStarted = ContinuousClock.now

    var artimTimer: LoopTimer?
    var phaseTimer: LoopTimer?
    var idleTimer: LoopTimer?
    var assembler = MessageAssembler()
    /// The message being received: its command and the data set so far.
    var incoming: (command: DIMSECommand, contextID: UInt8, dataSet: [UInt8])?
    var handler: (any DIMSEServiceHandler)?
    /// Where the data set of the message being received goes when its handler streams it.
    var incomingSink: (any DIMSEDataSetSink)?
    /// The sink whose pending bytes paused reading (read backpressure), until it drains.
    var readPausedBy: (any DIMSEDataSetSink)?
    /// Bytes a data-set sink may hold unconsumed before the association stops reading from
    /// the connection; reading resumes at half of it. Memory per association stays near this
    /// plus one read (64 KiB) however slow the sink's disk is.
    public var dataSetSinkHighWaterMark = 4 << 20
    /// Per outstanding request: who hears its pending responses (C-FIND matches, C-MOVE/C-GET
    /// progress).
    var pendingHandlers: [UInt16: PendingResponseHandler] = [:]
    /// Requests received and not yet finally answered, by Message ID, with the sink of their
    /// data set when it was streamed: the operations we perform (at most the agreed
    /// Asynchronous Operations Window, PS3.7 §D.3.3.3).
    var performing: [UInt16: (any DIMSEDataSetSink)?] = [:]
    /// True while a message's PDUs are being written: another message's must wait (PS3.8
    /// §9.3.5: a message's fragments are sent in sequence, none of another message between).
    var transmitting = false
    /// Senders waiting for `transmitting` to clear.
    var transmitWaiters: [CheckedContinuation<Void, Never>] = []
    var decider: (@Sendable (AssociateRQ, String) -> AcceptorDecision)?

    var establishing: CheckedContinuation<Result<Void, AssociationError>, Never>?
    var responses: [UInt16: ResponseWaiter] = [:]
    var releasing: CheckedContinuation<Result<Void, AssociationError>, Never>?
    var closeWaiters: [CheckedContinuation<Void, Never>] = []
    /// Senders of a streamed data set, paused while the channel is not writable.
    var writabilityWaiters: [CheckedContinuation<Void, Never>] = []
    var isClosed = false
    /// The first failure; `nil` while healthy and after a clean release.
    public internal(set) var failure: AssociationError?
    /// Acceptor: told once when the association no longer exists.
    var onEnd: (@Sendable (AssociationError?) -> Void)?

    /// Requestor: where to connect, and the TLS context to connect with (`nil`: plain TCP).
    let target: (host: String, port: UInt16)?
    let tls: TLSContext?

    init(
        loop: EventLoop, role: ULStateMachine.Role, timeouts: AssociationTimeouts, peer: String,
        target: (host: String, port: UInt16)? = nil, tls: TLSContext? = nil
    ) {
        eventLoop = loop
        self.role = role
        self.timeouts = timeouts
        self.peer = peer
        self.target = target
        self.tls = tls
    }

    /// The state of the upper layer protocol machine (PS3.8 Table 9-1).
    public var state: ULState { core.state }

    /// Returns once the transport connection is closed (at once if it already is).
    public func closed() async {
        if isClosed { return }
        await withCheckedContinuation { closeWaiters.append($0) }
    }

    /// A-ABORT (PS3.8 §7.3): sends the A-ABORT PDU and closes the connection once it is sent.
    /// Nothing to do once the association is over.
    public func abort() {
        guard !isClosed, core.state != .sta1, core.state != .sta13 else { return }
        fail(.cancelled, "aborted by the local user")
        perform(core.abort())
        channel?.shutdownOutput()
    }

    // MARK: Carrying out the core's actions

    func perform(_ actions: [AssociationAction]) {
        for action in actions {
            switch action {
            case .openTransport: openTransport()
            case .write(let bytes): channel?.write(bytes)
            case .startARTIM:
                let timer = artimTimer ?? LoopTimer(loop: eventLoop)
                artimTimer = timer
                timer.schedule(after: timeouts.artim) { [self] in enterFromLoop { $0.artimExpired() } }
            case .stopARTIM: artimTimer?.cancel()
            case .closeTransport: channel?.close()
            case .indicate(let indication): indicate(indication)
            }
        }
        if core.state == .sta13 || core.state == .sta1 { ended() }
    }

    /// The association no longer exists (Sta13, or Sta1 again): tell the owner once, so an
    /// acceptor's count of concurrent associations drops without waiting for the peer to close.
    private func ended() {
        guard let onEnd else { return }
        self.onEnd = nil
        if failure == nil, let violation = core.violation { fail(.providerAborted(violation), "aborted: \(violation)") }
        onEnd(failure)
    }

    /// ARTIM expiry (Evt18); an acceptor still waiting for the A-ASSOCIATE-RQ records why it
    /// closes.
    private func artimExpired() {
        if core.state == .sta2 { fail(.timedOut, "no A-ASSOCIATE-RQ within \(timeouts.artim)") }
        perform(core.artimExpired())
    }

    private func indicate(_ indication: AssociationIndication) {
        switch indication {
        case .associateRequest(let rq): decide(rq)
        case .accepted(let agreed): established(agreed)
        case .rejected(let rj): fail(.rejected(rj), rj.description)
        case .pData(let data): receive(data)
        case .releaseRequested: perform(core.releaseResponse())
        case .released: released()
        case .aborted(let abort): fail(.aborted(abort), abort.description)
        case .providerAborted(let cause): fail(.providerAborted(cause), "aborted: \(cause)")
        case .notPermitted: break  // callers check the actions of their own requests
        }
    }

    func established(_ agreed: NegotiatedAssociation) {
        negotiated = agreed
        armIdleTimer()
        timings.associate = ContinuousClock.now - phaseStarted
        phaseTimer?.cancel()
        enter(.dimse)
        establishing?.resume(returning: .success(()))
        establishing = nil
    }

    private func released() {
        phaseTimer?.cancel()
        releasing?.resume(returning: .success(()))
        releasing = nil
    }

    // MARK: Phases and failures

    func enter(_ next: AssociationError.Phase) {
        phase = next
        phaseStarted = .now
    }

    /// Aborts the association (and fails what waits, as timed out) unless the phase ends
    /// within `timeout`. `what` is worded only if the timer fires: it is restarted for every
    /// message sent and every response received.
    func startPhaseTimer(_ timeout: Duration, _ what: @autoclosure @escaping @Sendable () -> String) {
        let timer = phaseTimer ?? LoopTimer(loop: eventLoop)
        phaseTimer = timer
        timer.schedule(after: timeout) { [self] in
            enterFromLoop { association in
                association.fail(.timedOut, "no answer within \(timeout) while \(what())")
                association.perform(association.core.abort())
                association.channel?.shutdownOutput()
                if association.channel == nil { association.closedTransport() }
            }
        }
    }

    /// Records the first failure and fails every waiter with it.
    func fail(_ kind: AssociationError.Kind, _ detail: String) {
        let error = AssociationError(phase: phase, kind: kind, peer: peer, detail: detail, timings: timings)
        if failure == nil { failure = error }
        let reported = failure ?? error
        phaseTimer?.cancel()
        establishing?.resume(returning: .failure(reported))
        establishing = nil
        releasing?.resume(returning: .failure(reported))
        releasing = nil
        let waiting = responses
        responses = [:]
        for waiter in waiting.values { waiter.resume(returning: .failure(reported)) }
        resumeWritabilityWaiters()
        resumeTransmitWaiters()
    }

    /// Wakes paused senders: the channel drained, or the association failed.
    func resumeWritabilityWaiters() {
        let waiters = writabilityWaiters
        writabilityWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// The transport is gone: stop the timers, fail what still waits, tell the owner.
    func closedTransport() {
        guard !isClosed else { return }
        perform(core.transportClosed())
        isClosed = true
        channel = nil
        handler = nil
        incomingSink?.abort()
        incomingSink = nil
        readPausedBy = nil
        pendingHandlers = [:]
        performing = [:]
        for timer in [artimTimer, phaseTimer, idleTimer] { timer?.cancel() }
        resumeWritabilityWaiters()
        if establishing != nil || releasing != nil || !responses.isEmpty {
            fail(.providerAborted(.transportClosed), "the connection closed")
        }
        let waiters = closeWaiters
        closeWaiters = []
        for waiter in waiters { waiter.resume() }
        ended()
    }

    /// Only a whole PDU counts as a sign of life for the idle timeout: a peer trickling one
    /// PDU a byte at a time (slowloris) is still aborted when it expires.
    func bytesReceived(_ bytes: UnsafeRawBufferPointer) {
        let established = core.state == .sta6
        let actions = core.receive(bytes)
        if established && actions.contains(where: { if case .indicate = $0 { true } else { false } }) { armIdleTimer() }
        perform(actions)
    }

    /// Acceptor: (re)starts the idle timeout; expiry aborts the association.
    func armIdleTimer() {
        guard let idle = timeouts.idle, role == .acceptor else { return }
        let timer = idleTimer ?? LoopTimer(loop: eventLoop)
        idleTimer = timer
        timer.schedule(after: idle) { [self] in
            enterFromLoop { association in
                association.fail(.timedOut, "nothing received for \(idle)")
                association.perform(association.core.abort())
                association.channel?.shutdownOutput()
            }
        }
    }
}

extension Association: ChannelDelegate {
    public nonisolated func channel(_ channel: any Channel, didRead bytes: UnsafeRawBufferPointer) {
        // The buffer is only read during this synchronous call, on the loop thread.
        nonisolated(unsafe) let bytes = bytes
        enterFromLoop { $0.bytesReceived(bytes) }
    }

    public nonisolated func channelWantsQuickAcknowledgement(_ channel: any Channel) -> Bool {
        enterFromLoop { $0.core.hasPartialPDU }
    }

    public nonisolated func channelWritabilityChanged(_ channel: any Channel) {
        guard channel.isWritable else { return }
        enterFromLoop { $0.resumeWritabilityWaiters() }
    }

    /// The peer closed its side: nothing more can arrive, so close ours (Evt17 follows).
    public nonisolated func channelInputEnded(_ channel: any Channel) {
        channel.close()
    }

    public nonisolated func channel(_ channel: any Channel, didCloseWith error: TransportError?) {
        enterFromLoop { $0.closedTransport() }
    }
}

/// Who waits for a request's final response: a suspended task (`send`), or a callback
/// (`start(encoded:onResponse:)`), run on the loop.
enum ResponseWaiter {
    case task(CheckedContinuation<Result<DIMSECommand, AssociationError>, Never>)
    case callback(@Sendable (Result<DIMSECommand, AssociationError>) -> Void)

    func resume(returning result: Result<DIMSECommand, AssociationError>) {
        switch self {
        case .task(let continuation): continuation.resume(returning: result)
        case .callback(let onResponse): onResponse(result)
        }
    }
}
