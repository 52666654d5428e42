import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Step 8: a C-MOVE of a study no archive holds, with our AE as the move destination
    /// (PS3.4 §C.4.2). 0xA801 (PS3.4 §C.4.2.1.5, Move Destination unknown) means the PACS
    /// does not know our AE; success with no sub-operations means it accepts the destination —
    /// except on PACS that look the destination up only when something matches (DCMTK's
    /// dcmqrscp), which the retrieve test uncovers (`reconcile`). Other statuses are reported
    /// as they are.
    func registration() async -> DoctorStep {
        let start = ContinuousClock.now
        let uid = Self.nonexistentStudyUID()
        var data: [(String, JSONValue)] = [("study_instance_uid", .string(uid)), ("move_destination", .string(ourAETitle))]
        do {
            let outcome = try await MoveSCU.retrieve(
                target, request: retrieveRequest(study: uid), listenPort: entry.listenPort, coordinator: coordinator, on: loop)
            let duration = ContinuousClock.now - start
            let counts = outcome.move.subOperations
            data.append(("completed", .number(String(counts.completed ?? 0))))
            guard case .completed(let status) = outcome.ending else {
                data.append(("status", .null))
                return DoctorStep(
                    .registration, .failed, duration: duration, finding: "no final C-MOVE response within \(options.timeout)",
                    advice: "The PACS accepted the move request but never answered: ask its administrator to look for AE \(ourAETitle) in its logs.",
                    data: data)
            }
            data.append(("status", .string(status.description)))
            if status.isSuccess {
                return DoctorStep(
                    .registration, .ok, duration: duration,
                    finding: "the PACS accepted AE \(ourAETitle) as a move destination (success, no sub-operations; --retrieve-test proves delivery)", data: data)
            }
            return DoctorStep(
                .registration, status.category == .warning ? .warning : .failed, duration: duration,
                finding: "the PACS answered \(status.description) to a move of a study it does not have",
                advice: "Some PACS answer this when they do not know AE \(ourAETitle) or cannot reach it: \(registrationRequest), and to check its logs.",
                data: data)
        } catch {
            data.append(("status", error.status.map { .string($0.description) } ?? .null))
            data.append(("error", .string(error.message)))
            return DoctorStep(.registration, .failed, duration: .now - start, finding: moveFinding(error), advice: moveAdvice(error), data: data)
        }
    }

    /// A registration probe that succeeded proves little when the retrieve test then got
    /// 0xA801: the PACS checks the destination only when something matches. The probe's
    /// verdict becomes the retrieve test's.
    static func reconcile(registration: DoctorStep, retrieveTest: DoctorStep) -> DoctorStep {
        guard registration.verdict == .ok, retrieveTest.verdict == .failed,
            retrieveTest.data.contains(where: { $0.0 == "status" && $0.1 == .string(Self.destinationUnknown) })
        else { return registration }
        var step = registration
        step.verdict = .failed
        step.finding = "the probe succeeded only because nothing matched: the retrieve test got 0xA801 (move destination unknown)"
        step.advice = retrieveTest.advice
        return step
    }

    /// How the 0xA801 status reads in a step's data.
    static var destinationUnknown: String { DIMSEStatus(code: 0xA801).description }

    /// A C-MOVE of `study` (with `series` and `instances`, for the retrieve test) to our AE.
    func retrieveRequest(study: String, series: [String] = [], instances: [String] = []) -> RetrieveRequest {
        var request = RetrieveRequest(
            serverName: entry.name, calledAETitle: entry.aeTitle, ourAETitle: ourAETitle, peerHost: entry.connectHost,
            peerAddresses: addresses.map(\.host), studyInstanceUID: study, seriesInstanceUIDs: series, method: entry.retrieveMethod)
        request.sopInstanceUIDs = instances
        return request
    }

    func moveFinding(_ error: QueryRetrieveFailure) -> String {
        error.status?.code == 0xA801 ? "the PACS does not know AE \(ourAETitle) as a move destination (0xA801)" : error.message
    }

    /// What to do about a C-MOVE (or C-GET) that failed.
    func moveAdvice(_ error: QueryRetrieveFailure) -> String {
        if error.status?.code == 0xA801 {
            return "The PACS does not know where to send instances for AE \(ourAETitle): \(registrationRequest)."
        }
        if case .noAcceptedContext? = error.association?.kind {
            return "The PACS does not offer Study Root \(entry.retrieveMethod == .get ? "C-GET" : "C-MOVE") to AE \(ourAETitle): ask its administrator to allow it"
                + (entry.retrieveMethod == .move ? ", or try `retrieve_method = get`." : ", or use `retrieve_method = move`.")
        }
        if let association = error.association {
            return advice.failed(EchoFailure(association))
        }
        return "The PACS refused the retrieve (\(error.message)): ask its administrator to allow AE \(ourAETitle) to retrieve and to check its logs."
    }
}
