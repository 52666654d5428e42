import DICOMProtocol
import DICOMTransport

/// C-ECHO load (PS3.4 Annex A): the association `EchoSCU` asks for, one C-ECHO-RQ per
/// operation, a failure unless the C-ECHO-RSP says Success.
public struct EchoLoad: LoadScenario {
    public let name = "echo"
    public let associationRequest: AssociationRequest

    /// Throws `EchoFailure` `.invalidValue` when an AE title of `target` is not valid.
    public init(_ target: EchoTarget) throws(EchoFailure) {
        associationRequest = try EchoSCU.associationRequest(for: target)
    }

    public func perform(on association: isolated Association, messageID: UInt16) async -> LoadOutcome {
        let response: DIMSECommand
        do {
            response = try await association.send(
                CEchoRQ(messageID: messageID, affectedSOPClassUID: SOPClass.verification.uid),
                abstractSyntax: SOPClass.verification.uid)
        } catch {
            return .failed(EchoFailure(error))
        }
        guard case .cEchoRSP(let rsp) = response else {
            return .failed(EchoFailure(.other, phase: "echo", message: "answered with \(response.commandField)"))
        }
        return rsp.status.isSuccess ? .succeeded : .failed(EchoFailure(.badStatus, phase: "echo", message: rsp.statusDescription))
    }
}
