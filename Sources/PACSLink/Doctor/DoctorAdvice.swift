import DICOMProtocol
import DICOMTransport

/// The sentences the doctor gives for association failures, which C-ECHO, C-FIND and C-MOVE
/// share: a rejection decoded into what to ask whom (PS3.8 §9.3.4, Table 9-21).
struct DoctorAdvice {
    let entry: ServerEntry
    let ourAETitle: String
    /// The address the PACS sees us from.
    let ourHost: String
    let timeout: Duration

    /// Advice for an A-ASSOCIATE-RJ.
    func rejected(_ rj: AssociateRJ) -> String {
        let later = rj.result == .rejectedTransient ? " The rejection is marked transient: trying again later may work." : ""
        let registration = "register AE \(ourAETitle), host \(ourHost), port \(entry.listenPort)"
        let register = "ask its administrator to \(registration)"
        switch rj.source {
        case .serviceUser(.callingAETitleNotRecognized):
            return "The PACS does not know calling AE \(ourAETitle): \(register).\(later)"
        case .serviceUser(.calledAETitleNotRecognized):
            return "The PACS does not answer to AE title \(entry.aeTitle) — or, as some PACS (DCMTK's dcmqrscp) say it, not to calling AE \(ourAETitle): "
                + "ask its administrator for its AE title (`pacslink servers edit \(entry.name) --ae AE`) and to \(registration).\(later)"
        case .serviceUser(.applicationContextNameNotSupported):
            return "The PACS does not accept the DICOM application context: ask its administrator or vendor whether port \(entry.port) is its DICOM port.\(later)"
        case .serviceProviderPresentation:
            return "The PACS is busy (too many associations): try again later, and if it persists ask its administrator to raise its association limit.\(later)"
        case .serviceProviderACSE:
            return "The PACS refused our protocol version: ask its vendor which DICOM upper-layer version it expects.\(later)"
        case .serviceUser, .reserved:
            return "The PACS rejected the association without saying why, which most PACS do for a calling AE they do not know: \(register), and check its AE title \(entry.aeTitle).\(later)"
        }
    }

    /// Advice for an association (or DIMSE exchange) that failed in any other way.
    func failed(_ failure: EchoFailure) -> String {
        if let rejection = failure.rejection { return rejected(rejection) }
        if failure.phase == "resolve" || failure.phase == "connect" {
            return "The connection failed this time although it worked a moment earlier (\(failure.message)): the network path to the PACS is unstable; ask the network team."
        }
        switch failure.failureClass {
        case .timeout:
            return "The PACS accepted the TCP connection but did not answer within \(timeout): ask its administrator whether port \(entry.port) is its DICOM port\(entry.tls ? "" : " and whether it expects TLS")."
        case .aborted:
            return "The PACS aborted the association: many do that for a calling AE they do not know, so ask its administrator to check AE \(ourAETitle), host \(ourHost), and its logs."
        case .tls:
            return "TLS failed: see the TLS step, and ask the PACS administrator which certificate and CA it uses."
        case .noVerificationContext:
            return "The PACS does not offer the Verification service (C-ECHO) to AE \(ourAETitle): ask its administrator to allow it."
        default:
            return "Ask the PACS administrator to look for AE \(ourAETitle) in its logs: \(failure.message)."
        }
    }
}

extension Doctor {
    var advice: DoctorAdvice { DoctorAdvice(entry: entry, ourAETitle: ourAETitle, ourHost: ourHost, timeout: options.timeout) }
}
