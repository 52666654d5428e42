import DICOMProtocol
import DICOMTransport

/// The Verification SOP Class as SCU (PS3.4 Annex A): associate, C-ECHO, release, timing each
/// phase and classifying any failure.
public enum EchoSCU {
    /// C-ECHOes `target` once on `loop`. Never throws: a failure is part of the result.
    public static func echo(_ target: EchoTarget, on loop: EventLoop) async -> EchoResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result = await exchange(target, on: loop, clock: clock)
        result.timings.total = clock.now - start
        return result
    }

    /// Associate, C-ECHO, release, recording each phase.
    private static func exchange(_ target: EchoTarget, on loop: EventLoop, clock: ContinuousClock) async -> EchoResult {
        var result = EchoResult(target: target, timings: .init(AssociationTimings()))
        let request: AssociationRequest
        do {
            request = try associationRequest(for: target)
        } catch {
            result.failure = error
            return result
        }
        let association: Association
        do {
            association = try await Association.request(request, on: loop)
        } catch {
            result.timings = .init(error.timings)
            result.failure = EchoFailure(error)
            return result
        }
        // One hop onto the association's loop for the echo and the release.
        return await association.run { [result] association in
            var result = result
            result.timings = .init(association.timings)
            do throws(AssociationError) {
                let echoStart = clock.now
                let response = try await association.send(
                    CEchoRQ(messageID: 1, affectedSOPClassUID: SOPClass.verification.uid),
                    abstractSyntax: SOPClass.verification.uid)
                result.timings.echo = clock.now - echoStart
                if case .cEchoRSP(let rsp) = response {
                    result.status = rsp.status
                    if !rsp.status.isSuccess {
                        result.failure = EchoFailure(.badStatus, phase: "echo", message: rsp.statusDescription)
                    }
                } else {
                    result.failure = EchoFailure(.other, phase: "echo", message: "answered with \(response.commandField)")
                }
                let releaseStart = clock.now
                try await association.release()
                result.timings.release = clock.now - releaseStart
            } catch {
                association.abort()
                if result.failure == nil { result.failure = EchoFailure(error) }
            }
            return result
        }
    }

    /// C-ECHOes every target, at most `concurrency` at a time, spread over `group`'s loops;
    /// results in the order of `targets`.
    public static func echo(_ targets: [EchoTarget], group: EventLoopGroup, concurrency: Int = 16) async -> [EchoResult] {
        await withTaskGroup(of: (Int, EchoResult).self) { tasks in
            var results = [EchoResult?](repeating: nil, count: targets.count)
            var next = 0
            func launch() {
                guard next < targets.count else { return }
                let index = next
                let loop = group.next()
                tasks.addTask { (index, await echo(targets[index], on: loop)) }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { launch() }
            for await (index, result) in tasks {
                results[index] = result
                launch()
            }
            return results.compactMap { $0 }
        }
    }

    /// The association to ask for: Verification, Explicit and Implicit VR Little Endian, over
    /// TLS when the target says so.
    static func associationRequest(for target: EchoTarget) throws(EchoFailure) -> AssociationRequest {
        var context: TLSContext?
        if let tls = target.tls {
            do {
                context = try TLSContext(tls)
            } catch {
                throw EchoFailure(.tls, phase: "TLS", message: error.detail)
            }
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
}
