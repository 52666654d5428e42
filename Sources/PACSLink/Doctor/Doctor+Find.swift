import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Step 6: a Study Root C-FIND at STUDY level for a Study Instance UID no archive holds
    /// (PS3.4 §C.4.1): proves we may query, and times the answer, without loading the PACS.
    func find() async -> DoctorStep {
        let start = ContinuousClock.now
        let uid = Self.nonexistentStudyUID()
        var identifier = DataSet()
        identifier.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: ["STUDY"]))
        identifier.setUID(uid, for: .studyInstanceUID)
        var data: [(String, JSONValue)] = [("study_instance_uid", .string(uid))]
        do {
            let outcome = try await FindSCU.find(target, model: .studyRoot, identifier: identifier, on: loop) { _ in }
            let duration = ContinuousClock.now - start
            data += [("status", .string(outcome.statusDescription)), ("matches", .number(String(outcome.matches)))]
            guard outcome.status.isSuccess else {
                return DoctorStep(
                    .find, .failed, duration: duration, finding: "the PACS answered \(outcome.statusDescription)",
                    advice: "The PACS refused our query: ask its administrator to allow AE \(ourAETitle) to query (Study Root C-FIND).",
                    data: data)
            }
            if outcome.matches > 0 {
                return DoctorStep(
                    .find, .warning, duration: duration, finding: "\(outcome.matches) matches for a study that does not exist",
                    advice: "The PACS ignores the Study Instance UID key, so queries return too much: report it to its vendor.",
                    data: data)
            }
            return DoctorStep(.find, .ok, duration: duration, finding: "no match, as expected", data: data)
        } catch {
            data.append(("error", .string(error.message)))
            let failure = error.association.map(EchoFailure.init)
            let advice: String = switch error.association?.kind {
            case .noAcceptedContext?:
                "The PACS does not offer Study Root C-FIND to AE \(ourAETitle): ask its administrator to allow AE \(ourAETitle) to query."
            default:
                failure.map(advice.failed) ?? "Ask the PACS administrator to look for AE \(ourAETitle) in its logs: \(error.message)."
            }
            return DoctorStep(.find, .failed, duration: .now - start, finding: error.message, advice: advice, data: data)
        }
    }
}
