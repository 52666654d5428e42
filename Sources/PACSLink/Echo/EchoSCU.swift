import DICOMProtocol
import DICOMTransport

/// The Verification SOP Class as SCU (PS3.4 Annex A): associate, C-ECHO (once or more),
/// release, timing each phase and classifying any failure. Many targets: `BatchEcho`.
public enum EchoSCU {
    /// C-ECHOes `target` `repeat` times in one association on `loop`. Never throws: a failure
    /// is part of the result. Runs on the caller's executor (a batch worker bound to `loop`
    /// opens, echoes and releases without leaving its loop thread).
    ///
    /// With a `deadline`, every phase waits at most until it, and no echo or release starts
    /// after it (the association is aborted instead and the result is a timeout).
    public nonisolated(nonsending) static func echo(
        _ target: EchoTarget, on loop: EventLoop, repeat count: Int = 1, deadline: ContinuousClock.Instant? = nil,
        tls: TLSContext? = nil
    ) async -> EchoResult {
        let start = ContinuousClock.now
        var result = await exchange(target, on: loop, count: max(1, count), deadline: deadline, tls: tls)
        result.timings.total = ContinuousClock.now - start
        return result
    }

    /// Associate, `count` C-ECHOes, release, recording each phase.
    private nonisolated(nonsending) static func exchange(
        _ target: EchoTarget, on loop: EventLoop, count: Int, deadline: ContinuousClock.Instant?, tls: TLSContext?
    ) async -> EchoResult {
        var result = EchoResult(target: target, timings: .init(AssociationTimings()))
        var request: AssociationRequest
        do {
            request = try associationRequest(for: target, tls: tls)
        } catch {
            result.failure = error
            return result
        }
        if let deadline {
            let remaining = deadline - .now
            guard remaining > .zero else {
                result.failure = deadlinePassed(before: "connect", deadline: deadline)
                return result
            }
            request.timeouts = .uniform(min(target.timeout, remaining))
        }
        let association: Association
        do {
            association = try await Association.request(request, on: loop)
        } catch {
            result.timings = .init(error.timings)
            result.failure = EchoFailure(error)
            return result
        }
        return await association.run { [result] association in
            var result = result
            result.timings = .init(association.timings)
            var echoes: [Duration] = []
            do throws(AssociationError) {
                for messageID in 1...UInt16(clamping: count) {
                    if let deadline, deadline <= .now {
                        result.failure = deadlinePassed(before: "echo", deadline: deadline)
                        break
                    }
                    let echoStart = ContinuousClock.now
                    let response = try await association.send(
                        CEchoRQ(messageID: messageID, affectedSOPClassUID: SOPClass.verification.uid),
                        abstractSyntax: SOPClass.verification.uid)
                    echoes.append(.now - echoStart)
                    if case .cEchoRSP(let rsp) = response {
                        result.status = rsp.status
                        if !rsp.status.isSuccess {
                            result.failure = EchoFailure(.badStatus, phase: "echo", message: rsp.statusDescription)
                            break
                        }
                    } else {
                        result.failure = EchoFailure(.other, phase: "echo", message: "answered with \(response.commandField)")
                        break
                    }
                }
                result.timings.record(echoes: echoes)
                if let deadline, deadline <= .now {
                    association.abort()
                    if result.failure == nil { result.failure = deadlinePassed(before: "release", deadline: deadline) }
                    return result
                }
                let releaseStart = ContinuousClock.now
                try await association.release()
                result.timings.release = .now - releaseStart
            } catch {
                result.timings.record(echoes: echoes)
                association.abort()
                if result.failure == nil { result.failure = EchoFailure(error) }
            }
            return result
        }
    }

    /// The failure of a target the overall deadline cut short before `phase`.
    static func deadlinePassed(before phase: String, deadline: ContinuousClock.Instant) -> EchoFailure {
        EchoFailure(.timeout, phase: phase, message: "the overall deadline passed before the \(phase) phase")
    }

    /// The association to ask for: Verification, Explicit and Implicit VR Little Endian, over
    /// TLS when the target says so (with `tls`, an already built context for its settings).
    static func associationRequest(for target: EchoTarget, tls: TLSContext? = nil) throws(EchoFailure) -> AssociationRequest {
        var context = tls
        if context == nil, let configuration = target.tls {
            context = try tlsContext(configuration)
        }
        func title(_ text: String, _ field: String) throws(EchoFailure) -> AETitle {
            do {
                return try AETitle(validating: text, field: field)
            } catch {
                throw EchoFailure(.invalidValue, phase: "associate", message: error.detail)
            }
        }
        return AssociationRequest(
            host: target.host, port: target.port, calledAETitle: try title(target.calledAETitle, "called AE title"),
            callingAETitle: try title(target.callingAETitle, "calling AE title"),
            presentationContexts: AssociationRequest.contexts(
                abstractSyntaxes: [SOPClass.verification.uid],
                transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]),
            timeouts: .uniform(target.timeout), tls: context)
    }

    /// A client TLS context for `configuration`; an unusable one (unreadable CA file, bad
    /// key) is a TLS failure of the target.
    static func tlsContext(_ configuration: TLSConfiguration) throws(EchoFailure) -> TLSContext {
        do {
            return try TLSContext(configuration)
        } catch {
            throw EchoFailure(.tls, phase: "TLS", message: error.detail)
        }
    }
}
