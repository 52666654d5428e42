import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Steps 4 and 5: one association as our calling AE and a C-ECHO on it (PS3.4 Annex A),
    /// through `EchoSCU`, whose phase timings and failure classes say which step failed.
    func associateAndEcho() async -> (associate: DoctorStep, echo: DoctorStep) {
        let result = await EchoSCU.echo(target, on: loop)
        let associateTime = result.timings.associate
        let data: [(String, JSONValue)] = [
            ("calling_ae_title", .string(ourAETitle)), ("called_ae_title", .string(entry.aeTitle)),
        ]
        if let failure = result.failure, failure.phase != "echo", failure.phase != "release",
            failure.failureClass != .noVerificationContext
        {
            let associate = DoctorStep(
                .associate, .failed, duration: associateTime ?? result.timings.total, finding: failure.description,
                advice: advice.failed(failure),
                data: data + [("error", .string(failure.message)), ("rejection", failure.rejection.map { .string($0.description) } ?? .null)])
            return (associate, .skipped(.echo, "not run: the association step failed"))
        }
        let associate = DoctorStep(
            .associate, .ok, duration: associateTime, finding: "accepted \(ourAETitle) calling \(entry.aeTitle)", data: data)
        let echoData: [(String, JSONValue)] = [("status", result.status.map { .string($0.description) } ?? .null)]
        guard let failure = result.failure, failure.phase != "release" else {
            return (associate, DoctorStep(.echo, .ok, duration: result.timings.echo, finding: "success", data: echoData))
        }
        let echo = DoctorStep(
            .echo, .failed, duration: result.timings.echo, finding: failure.description, advice: advice.failed(failure),
            data: echoData + [("error", .string(failure.message))])
        return (associate, echo)
    }
}
