import DICOMProtocol
import DICOMTransport
import Foundation

extension Doctor {
    /// Step 9 (`--retrieve-test STUDY_UID`): finds one instance of the study (SERIES, then
    /// IMAGE level C-FIND) and retrieves it by the server's retrieve method. For C-MOVE it
    /// confirms that the PACS's sub-association reached our listen port — from which address,
    /// with which transfer syntax — or, when nothing arrives within the timeout, says that the
    /// PACS accepted the move but could not reach us, with the likely causes.
    func retrieveTest() async -> DoctorStep {
        let start = ContinuousClock.now
        guard let study = options.retrieveTestStudy else { return .skipped(.retrieveTest, "not asked for") }
        let method = entry.retrieveMethod
        var data: [(String, JSONValue)] = [("study_instance_uid", .string(study)), ("method", .string(method.rawValue))]
        if method == .move {
            switch receiver {
            case .doctor: break
            case .runningListener:
                return .skipped(.retrieveTest, "not run: a PACSLink listener already holds port \(entry.listenPort); stop it to run the test")
            case .none:
                return .skipped(.retrieveTest, "not run: nothing of ours can listen on port \(entry.listenPort)")
            }
        }
        let instance: (series: String, sop: String)
        do {
            guard let found = try await firstInstance(of: study) else {
                return DoctorStep(
                    .retrieveTest, .failed, duration: .now - start, finding: "the PACS has no instance of study \(study)",
                    advice: "Check the Study Instance UID with `pacslink find \(entry.name) --level study -k StudyInstanceUID=\(study)`.", data: data)
            }
            instance = found
        } catch {
            return DoctorStep(.retrieveTest, .failed, duration: .now - start, finding: "finding an instance failed: \(error.message)",
                              advice: moveAdvice(error), data: data + [("error", .string(error.message))])
        }
        data += [("series_instance_uid", .string(instance.series)), ("sop_instance_uid", .string(instance.sop))]
        let request = retrieveRequest(study: study, series: [instance.series], instances: [instance.sop])
        let outcome: RetrieveOutcome
        do {
            outcome = method == .move
                ? try await MoveSCU.retrieve(target, request: request, listenPort: entry.listenPort, coordinator: coordinator, on: loop)
                : try await GetSCU.retrieve(
                    target, request: request, store: InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: storage))),
                    coordinator: coordinator, on: loop)
        } catch {
            return DoctorStep(.retrieveTest, .failed, duration: .now - start, finding: moveFinding(error), advice: moveAdvice(error),
                              data: data + [("status", error.status.map { .string($0.description) } ?? .null), ("error", .string(error.message))])
        }
        return verdict(outcome, instance: instance.sop, duration: .now - start, data: data)
    }

    private func verdict(_ outcome: RetrieveOutcome, instance sop: String, duration: Duration, data: [(String, JSONValue)]) -> DoctorStep {
        var data = data
        let counts = outcome.move.subOperations
        let status: String = if case .completed(let final) = outcome.ending { final.description } else { "no final response" }
        let arrivals = observations.arrivals
        data += [
            ("status", .string(status)), ("completed", .number(String(counts.completed ?? 0))),
            ("failed", .number(String(counts.failed ?? 0))),
            ("sub_associations", .array(arrivals.map { .object([("peer", .string($0.peer)), ("calling_ae_title", .string($0.callingAETitle))]) })),
        ]
        if let stored = observations.stored.first(where: { $0.sopInstanceUID == sop && $0.file != nil }), let file = stored.file {
            let syntax = (try? DICOMFile(path: file))?.header.transferSyntax
            data += [("file", .string(file)), ("transfer_syntax", syntax.map { .string($0.uid) } ?? .null)]
            let via = entry.retrieveMethod == .get
                ? "on the C-GET association"
                : "on port \(entry.listenPort) from \(arrivals.first.map { "\($0.peer) (AE \($0.callingAETitle))" } ?? "the PACS")"
            return DoctorStep(
                .retrieveTest, .ok, duration: duration,
                finding: "instance \(sop) arrived \(via), transfer syntax \(syntax?.name ?? "unknown")", data: data)
        }
        if entry.retrieveMethod == .move && arrivals.isEmpty {
            return DoctorStep(
                .retrieveTest, .failed, duration: duration,
                finding: "the PACS accepted the move (\(status)) but could not reach us on port \(entry.listenPort): "
                    + (status == "no final response" ? "nothing arrived within \(options.timeout)" : "no association arrived"),
                advice: "Likely causes: the PACS has another host or port on file for AE \(ourAETitle) (\(registrationRequest)); "
                    + "a firewall or NAT between the PACS and this machine blocks incoming TCP port \(entry.listenPort) (ask the network team); "
                    + "or the PACS only connects to an address this machine does not have.",
                data: data)
        }
        let failure = observations.stored.first { $0.sopInstanceUID == sop }?.failure
        return DoctorStep(
            .retrieveTest, .failed, duration: duration,
            finding: "the PACS reached us but instance \(sop) was not stored (\(failure ?? status))",
            advice: failure != nil
                ? "Our side could not store the instance: check the storage folder's free space and permissions."
                : "The PACS connected but did not send the instance: ask its administrator to check its logs for AE \(ourAETitle).",
            data: data)
    }

    /// The Series and SOP Instance UIDs of one instance of `study`, by C-FIND at SERIES then
    /// IMAGE level (Study Root, PS3.4 §C.6.2); nil when the study has none.
    private func firstInstance(of study: String) async throws(QueryRetrieveFailure) -> (series: String, sop: String)? {
        var identifier = DataSet()
        identifier.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: ["SERIES"]))
        identifier.setUID(study, for: .studyInstanceUID)
        identifier.insert(DataElement(tag: .seriesInstanceUID, vr: .UI, asciiValues: []))
        guard let series = try await firstMatch(identifier, key: .seriesInstanceUID) else { return nil }
        identifier.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: ["IMAGE"]))
        identifier.setUID(series, for: .seriesInstanceUID)
        identifier.insert(DataElement(tag: .sopInstanceUID, vr: .UI, asciiValues: []))
        guard let sop = try await firstMatch(identifier, key: .sopInstanceUID) else { return nil }
        return (series, sop)
    }

    private func firstMatch(_ identifier: DataSet, key: Tag) async throws(QueryRetrieveFailure) -> String? {
        let matches = FirstMatch()
        _ = try await FindSCU.find(target, model: .studyRoot, identifier: identifier, on: loop) { match in
            matches.offer(match.uid(key))
        }
        return matches.value
    }
}

/// The first non-empty value a C-FIND's matches carried (matches arrive on the loop, in order).
private final class FirstMatch: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var value: String? { lock.withLock { first } }

    func offer(_ value: String?) {
        guard let value, !value.isEmpty else { return }
        lock.withLock { if first == nil { first = value } }
    }
}
