import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink retrieve SERVER --study UID [--series UID]… [--method move|get] [--out DIR]
/// [--flush POLICY] [--io MODE] [--json]`: retrieves a study (or some of its series) into
/// `<out or storage root>/RetrievedFiles/<Study>/<Series>/<SOP>.dcm`.
///
/// C-MOVE: our Storage SCP listens on the server's listen port as our AE (the entry's
/// `local_ae_title`, else the local one) while the PACS sends the instances there. Progress
/// (remaining/completed/failed/warning, each stored file) goes to stderr; the summary to stdout,
/// or one JSON document with `--json`. Exit 1 unless the final status is success and every
/// counted instance is stored. JSON: `{"ending": "completed"|"timed out"|"failed", "status",
/// "completed", "failed", "warning", "stored": [SOP Instance UIDs], "failed_stores", "missing",
/// "storage"}` (a failure: `{"ending": "failed", "error", "status"}`).
struct RetrieveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve", abstract: "Retrieve a study or series from a server (C-MOVE to our listen port, or C-GET).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var server: String
    @Option(help: ArgumentHelp("Study Instance UID.", valueName: "UID")) var study: String
    @Option(help: ArgumentHelp("Series Instance UID (repeatable; default: the whole study).", valueName: "UID"))
    var series: [String] = []
    @Option(help: ArgumentHelp("C-MOVE or C-GET (default: the server's retrieve_method).", valueName: "move|get"))
    var method: String?
    @Option(help: ArgumentHelp("Storage root (default: the local storage).", valueName: "DIR")) var out: String?
    @OptionGroup var writing: StorageWriteOptions
    @Flag(help: "Print one JSON document.") var json = false
    @Option(help: ArgumentHelp(
        "Give up when nothing (no response, no instance) arrives for this long, naming what is missing.", valueName: "SECONDS"))
    var timeout: Double = 120

    func run() async throws {
        let snapshot = try global.registry.load()
        let entry = try snapshot.server(named: server)
        for uid in [study] + series {
            do { try UID.validate(uid, field: "UID \(uid)") } catch { throw RegistryError(.invalid, "\(error)") }
        }
        var retrieveMethod = entry.retrieveMethod
        if let method {
            guard let named = RetrieveMethod(rawValue: method.lowercased()) else { throw ValidationError("--method \(method): say move or get") }
            retrieveMethod = named
        }
        let ourAE = entry.localAETitle ?? snapshot.local.aeTitle
        let root = out ?? snapshot.local.storage
        let target = EchoTarget(entry, local: snapshot.local, defaultTimeout: .seconds(30))
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let addresses = (try? await NameResolver.resolve(host: entry.connectHost, port: entry.port, on: group.next()))?.map(\.host)
        let request = RetrieveRequest(
            serverName: entry.name, calledAETitle: entry.aeTitle, ourAETitle: ourAE, peerHost: entry.connectHost,
            peerAddresses: addresses ?? [entry.connectHost], studyInstanceUID: study, seriesInstanceUIDs: series,
            method: retrieveMethod)
        let json = json
        guard timeout > 0 && timeout <= 86_400 else {
            throw RegistryError(.invalid, "--timeout \(timeout): must be a number of seconds above 0")
        }
        let coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: .milliseconds(Int64(timeout * 1000)))) { event in
            if !json { RetrieveProgress.print(event) }
        }
        let store = writing.store(at: root)
        let preferred = entry.compression.flatMap { TransferSyntax.lookup($0)?.uid }
        let result: Result<RetrieveOutcome, QueryRetrieveFailure>
        switch retrieveMethod {
        case .move:
            let acceptor: MultiplexedAcceptor
            do {
                acceptor = try StorageListener.make(
                    addresses: [.init(port: entry.listenPort)], aeTitle: ourAE, store: store, coordinator: coordinator,
                    preferredTransferSyntax: { calling in calling == entry.aeTitle ? preferred : nil }, group: group)
            } catch {
                throw RegistryError(.invalid, "\(error)")
            }
            do {
                try await acceptor.start()
            } catch {
                FileHandle.standardError.write(Data(
                    "pacslink: cannot listen on port \(entry.listenPort) for the C-MOVE sub-operations: \(error) (is `pacslink listen` or another retrieve using it?)\n".utf8))
                throw ExitCode.failure
            }
            let task = Task { () async -> Result<RetrieveOutcome, QueryRetrieveFailure> in
                do throws(QueryRetrieveFailure) {
                    return .success(try await MoveSCU.retrieve(
                        target, request: request, listenPort: entry.listenPort, coordinator: coordinator, on: group.next()))
                } catch {
                    return .failure(error)
                }
            }
            let signals = SignalCancellation { task.cancel() }
            result = await task.value
            signals.stop()
            await acceptor.stop()
        case .get:
            let task = Task { () async -> Result<RetrieveOutcome, QueryRetrieveFailure> in
                do throws(QueryRetrieveFailure) {
                    return .success(try await GetSCU.retrieve(
                        target, request: request, store: store, coordinator: coordinator, preferredTransferSyntax: preferred,
                        on: group.next()))
                } catch {
                    return .failure(error)
                }
            }
            let signals = SignalCancellation { task.cancel() }
            result = await task.value
            signals.stop()
        }
        switch result {
        case .success(let outcome):
            try RetrieveProgress.report(outcome, root: root, json: json)
            if !RetrieveProgress.succeeded(outcome) { throw ExitCode.failure }
        case .failure(let error):
            if json {
                let document = JSONValue.object([
                    ("ending", .string("failed")), ("error", .string(error.message)),
                    ("status", error.status.map { .string($0.description) } ?? .null),
                ])
                Swift.print(document.serialized())
            } else {
                FileHandle.standardError.write(Data("pacslink: retrieve failed: \(error)\n".utf8))
            }
            throw ExitCode.failure
        }
    }
}

/// Progress lines and the final report of a retrieve.
enum RetrieveProgress {
    static func print(_ event: RetrieveCoordinator.Event) {
        let line: String
        switch event {
        case .response(_, let status, let counts):
            func n(_ value: UInt16?) -> String { value.map(String.init) ?? "-" }
            line = "\(status.isPending ? "progress" : "final"): remaining \(n(counts.remaining)), completed \(n(counts.completed)), failed \(n(counts.failed)), warning \(n(counts.warning))"
        case .stored(let id, let sop, let file, let failure):
            if let failure {
                line = "failed \(sop): \(failure)"
            } else {
                line = "\(id == nil ? "unsolicited" : "stored") \(sop) → \(file ?? "")"
            }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func succeeded(_ outcome: RetrieveOutcome) -> Bool {
        if case .completed(let status) = outcome.ending { return status.isSuccess }
        return false
    }

    static func report(_ outcome: RetrieveOutcome, root: String, json: Bool) throws {
        let move = outcome.move
        let counts = move.subOperations
        var status = "none"
        var ending = "completed"
        var missing: String?
        switch outcome.ending {
        case .completed(let final): status = final.description
        case .timedOut(let what):
            ending = "timed out"
            missing = what
        }
        if json {
            let document = JSONValue.object([
                ("completed", .number(String(counts.completed ?? 0))), ("ending", .string(ending)),
                ("failed", .number(String(counts.failed ?? 0))),
                ("failed_stores", .array(move.failedStores.keys.sorted().map { .string($0) })),
                ("missing", missing.map { .string($0) } ?? .null), ("status", .string(status)),
                ("stored", .array(move.storedInstances.map { .string($0) })),
                ("storage", .string(URL(fileURLWithPath: root).appendingPathComponent("RetrievedFiles").path)),
                ("warning", .number(String(counts.warning ?? 0))),
            ])
            Swift.print(document.serialized())
        } else {
            Swift.print("\(move.storedInstances.count) instances stored under \(URL(fileURLWithPath: root).appendingPathComponent("RetrievedFiles").path)")
            Swift.print("\(ending): \(status); completed \(counts.completed ?? 0), failed \(counts.failed ?? 0), warning \(counts.warning ?? 0)")
            if let missing { Swift.print("missing: \(missing)") }
        }
    }
}
