import DICOMProtocol
import DICOMTransport
import Foundation

/// `pacslink demo`: PACSLink's main job end to end on loopback, with nothing installed or
/// configured beforehand. It starts our Storage SCP and a simulated PACS on free ports,
/// registers the PACS in a temporary servers file (never the user's), C-ECHOes it, C-FINDs its
/// studies, C-MOVEs the first study into our listen port, C-STOREs the retrieved files to a
/// second simulated AE and checks that AE holds them. Each step is reported as it ends; the
/// first failure ends the demo.
public struct DemoScenario: Sendable {
    /// The studies the simulated PACS serves (small: the demo takes a few seconds).
    public var studies = SyntheticStudies(studies: 2, seriesPerStudy: 2, instancesPerSeries: 3, pixelBytes: 64 * 64 * 2)
    /// Where the retrieved files go; `nil`: a temporary folder.
    public var outputFolder: String?
    /// Keep the temporary folder (servers file and, without `outputFolder`, the files).
    public var keep = false
    /// Per-phase network timeout.
    public var timeout: Duration = .seconds(10)

    public static let ourAETitle = "PACSLINK"
    public static let pacsAETitle = "DEMOPACS"
    public static let archiveAETitle = "DEMOARCHIVE"
    static let host = "127.0.0.1"

    public init(outputFolder: String? = nil, keep: Bool = false) {
        self.outputFolder = outputFolder
        self.keep = keep
    }

    /// Runs the scenario; `onStep` hears each step as it ends (from the caller's task).
    public func run(onStep: @escaping (DemoStep) -> Void = { _ in }) async -> DemoReport {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pacslink-demo-\(UUID().uuidString)").path
        let output = outputFolder ?? temporary + "/out"
        let configurationFile = temporary + "/servers.ini"
        var report = DemoReport(
            steps: [], outputFolder: output, retrievedFiles: [], configurationFile: configurationFile, kept: true)
        let group = EventLoopGroup(loopCount: 2, name: "demo")
        var run = DemoRun(group: group, onStep: onStep)
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            run.fail(.listen, "Start our Storage SCP", "cannot create \(temporary): \(error)")
        }
        if run.steps.isEmpty {
            report.retrievedFiles = await run.scenario(self, output: output, configurationFile: configurationFile, temporary: temporary)
        }
        await run.stopAll()
        report.steps = run.steps
        group.shutdown()
        if !keep {
            try? FileManager.default.removeItem(atPath: temporary)
            report.kept = outputFolder != nil
            if outputFolder == nil { report.retrievedFiles = [] }
        }
        return report
    }
}

/// The state of one demo run: what it started (stopped at the end) and the step reporter.
private struct DemoRun {
    let group: EventLoopGroup
    let onStep: (DemoStep) -> Void
    var listener: MultiplexedAcceptor?
    var simulators: [SimulatedPACS] = []
    /// The steps reported so far.
    var steps: [DemoStep] = []

    init(group: EventLoopGroup, onStep: @escaping (DemoStep) -> Void) {
        self.group = group
        self.onStep = onStep
    }

    /// A failed step, reported.
    mutating func fail(_ kind: DemoStep.Kind, _ title: String, _ why: String, after duration: Duration = .zero, details: [String] = []) {
        report(DemoStep(kind: kind, title: title, succeeded: false, duration: duration, details: details + [why]))
    }

    mutating func report(_ step: DemoStep) {
        steps.append(step)
        onStep(step)
    }

    /// Times `body`, reports its step and returns its value; `nil` when it failed.
    mutating func step<Value>(
        _ kind: DemoStep.Kind, _ title: String, _ body: (inout DemoRun) async throws(DemoFailure) -> (Value, [String])
    ) async -> Value? {
        let start = ContinuousClock.now
        do throws(DemoFailure) {
            let (value, details) = try await body(&self)
            report(DemoStep(kind: kind, title: title, succeeded: true, duration: .now - start, details: details))
            return value
        } catch {
            fail(kind, title, error.message, after: .now - start, details: error.details)
            return nil
        }
    }

    /// The steps in order; returns the retrieved files.
    mutating func scenario(_ demo: DemoScenario, output: String, configurationFile: String, temporary: String) async -> [String] {
        let host = DemoScenario.host
        let coordinator = DemoCoordinator(inactivityTimeout: demo.timeout)
        guard let listenPort = await step(.listen, "Start our Storage SCP", { run throws(DemoFailure) in
            let store = InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: output)))
            do {
                let acceptor = try StorageListener.make(
                    addresses: [.init(host: host, port: 0)], aeTitle: DemoScenario.ourAETitle, store: store,
                    coordinator: coordinator.coordinator, group: run.group)
                run.listener = acceptor
                guard let port = try await acceptor.start().first?.port else { throw DemoFailure("no port bound") }
                return (port, ["\(DemoScenario.ourAETitle) listening on \(host):\(port)"])
            } catch let error as DemoFailure {
                throw error
            } catch {
                throw DemoFailure("cannot listen: \(error)")
            }
        }) else { return [] }

        guard let ports = await step(.simulate, "Start the simulated PACS", { run throws(DemoFailure) in
            let pacs = SimulatedPACS.Configuration(
                aeTitle: DemoScenario.pacsAETitle, host: host, database: demo.studies.makeDatabase(),
                destinations: [DemoScenario.ourAETitle: .init(host: host, port: listenPort)])
            let archive = SimulatedPACS.Configuration(aeTitle: DemoScenario.archiveAETitle, host: host)
            var ports: [UInt16] = []
            for configuration in [pacs, archive] {
                do {
                    let simulator = try SimulatedPACS(configuration, group: run.group)
                    ports.append(try await simulator.start())
                    run.simulators.append(simulator)
                } catch {
                    throw DemoFailure("\(configuration.aeTitle): \(error)")
                }
            }
            let database = run.simulators[0].archive.snapshot
            return (ports, [
                "\(DemoScenario.pacsAETitle) on \(host):\(ports[0]): \(database.studyCount) studies, \(database.seriesCount) series, "
                    + "\(database.instanceCount) instances; C-MOVE destination \(DemoScenario.ourAETitle)=\(host):\(listenPort)",
                "\(DemoScenario.archiveAETitle) on \(host):\(ports[1]): empty, stores what it receives",
            ])
        }) else { return [] }

        guard let servers = await step(.register, "Register both in a temporary servers file", { _ throws(DemoFailure) in
            let registry = ServerRegistry(
                files: ConfigurationFiles(user: configurationFile, admin: temporary + "/admin.ini"), environment: ["HOME": temporary])
            do {
                try registry.add(name: "Demo PACS", settings: [
                    ("ae_title", DemoScenario.pacsAETitle), ("host", host), ("port", String(ports[0])),
                    ("listen_port", String(listenPort)), ("local_ae_title", DemoScenario.ourAETitle),
                ])
                try registry.add(name: "Demo archive", settings: [
                    ("ae_title", DemoScenario.archiveAETitle), ("host", host), ("port", String(ports[1])),
                    ("local_ae_title", DemoScenario.ourAETitle),
                ])
                let snapshot = try registry.load()
                return ((try snapshot.server(named: "Demo PACS"), try snapshot.server(named: "Demo archive"), snapshot.local),
                        ["\(configurationFile): \"Demo PACS\", \"Demo archive\""])
            } catch {
                throw DemoFailure("\(error)")
            }
        }) else { return [] }
        let (pacsEntry, archiveEntry, local) = servers
        let pacs = EchoTarget(pacsEntry, local: local, defaultTimeout: demo.timeout)

        guard let _: Void = await step(.echo, "C-ECHO \(pacsEntry.name)", { run throws(DemoFailure) in
            let result = await EchoSCU.echo(pacs, on: run.group.next())
            let timings = result.timings
            let phases = [("connect", timings.connect), ("associate", timings.associate), ("echo", timings.echo), ("release", timings.release)]
            let line = phases.compactMap { name, duration in duration.map { "\(name) \(DemoRun.milliseconds($0))" } }.joined(separator: ", ")
            if let failure = result.failure { throw DemoFailure("\(failure)", details: [line]) }
            return ((), [line])
        }) else { return [] }

        guard let studies: [String] = await step(.find, "C-FIND studies on \(pacsEntry.name)", { run throws(DemoFailure) in
            let identifier: DataSet
            do {
                identifier = try QueryKeys.identifier(
                    level: .study, model: .studyRoot, keys: ["StudyInstanceUID", "PatientID", "PatientName", "StudyDescription"])
            } catch {
                throw DemoFailure("\(error)")
            }
            let matches = LockedState<[DataSet]>([])
            let outcome: FindSCU.Outcome
            do throws(QueryRetrieveFailure) {
                outcome = try await FindSCU.find(pacs, model: .studyRoot, identifier: identifier, on: run.group.next()) { match in
                    matches.withLock { $0.append(match) }
                }
            } catch {
                throw DemoFailure("\(error)")
            }
            guard outcome.status.isSuccess else { throw DemoFailure("final status \(outcome.statusDescription)") }
            let found = matches.withLock { $0 }.compactMap { match -> (uid: String, line: String)? in
                guard let uid = match.string(.studyInstanceUID) else { return nil }
                let patient = [match.string(.patientID), match.string(.patientName)].compactMap { $0 }.joined(separator: " ")
                return (uid, "study \(uid)  patient \(patient)  \(match.string(.studyDescription) ?? "")")
            }
            guard !found.isEmpty else { throw DemoFailure("no study found") }
            return (found.map(\.uid), ["\(found.count) studies"] + found.map(\.line))
        }) else { return [] }

        guard let files: [String] = await step(.retrieve, "C-MOVE study \(studies[0]) to \(DemoScenario.ourAETitle)", { run throws(DemoFailure) in
            let request = RetrieveRequest(
                serverName: pacsEntry.name, calledAETitle: pacsEntry.aeTitle, ourAETitle: DemoScenario.ourAETitle, peerHost: host,
                peerAddresses: [host], studyInstanceUID: studies[0])
            let outcome: RetrieveOutcome
            do throws(QueryRetrieveFailure) {
                outcome = try await MoveSCU.retrieve(
                    pacs, request: request, listenPort: listenPort, coordinator: coordinator.coordinator, on: run.group.next())
            } catch {
                throw DemoFailure("\(error)")
            }
            let counts = outcome.move.subOperations
            let countLine = "completed \(counts.completed ?? 0), failed \(counts.failed ?? 0), warning \(counts.warning ?? 0)"
            guard case .completed(let status) = outcome.ending else { throw DemoFailure("timed out: \(outcome.ending)", details: [countLine]) }
            guard status.isSuccess else { throw DemoFailure("final status \(status)", details: [countLine]) }
            let files = coordinator.files(for: outcome.move.id)
            guard !files.isEmpty, files.count == outcome.move.storedInstances.count else {
                throw DemoFailure("\(files.count) files written for \(outcome.move.storedInstances.count) stored instances", details: [countLine])
            }
            return (files, [countLine, "\(files.count) files under \(output)/RetrievedFiles"])
        }) else { return [] }

        guard let sent: [String] = await step(.send, "C-STORE the \(files.count) files to \(archiveEntry.name)", { run throws(DemoFailure) in
            let opener: AssociationStoreOpener
            do {
                opener = try AssociationStoreOpener(
                    host: archiveEntry.connectHost, port: archiveEntry.port, calledAETitle: archiveEntry.aeTitle,
                    callingAETitle: DemoScenario.ourAETitle, timeouts: .uniform(demo.timeout), group: run.group)
            } catch {
                throw DemoFailure("\(error)")
            }
            let report = await StoreSCU(opener: opener).send(SendScanner.scan(files, recursive: false), associations: 1)
            let failures = report.results.filter { $0.category != .success }.map { "\($0.path): \($0.category.rawValue)" }
            guard report.summary.allSent, failures.isEmpty else { throw DemoFailure("not all sent", details: failures) }
            return (report.results.compactMap { $0.file?.sopInstanceUID }, [report.summary.line])
        }) else { return [] }

        guard let _: Void = await step(.verify, "Check \(archiveEntry.name) holds them", { run throws(DemoFailure) in
            let database = run.simulators[1].archive.snapshot
            let missing = sent.filter { database.instance(sopInstanceUID: $0) == nil }
            guard sent.count == files.count, missing.isEmpty else {
                throw DemoFailure("\(missing.count) of \(sent.count) instances missing (\(files.count) files sent)", details: missing)
            }
            return ((), ["\(database.instanceCount) instances in \(database.studyCount) study"])
        }) else { return [] }
        return files
    }

    /// Stops the listener (after its stores in flight) and the simulators.
    mutating func stopAll() async {
        await listener?.stop()
        for simulator in simulators { await simulator.stop() }
        listener = nil
        simulators = []
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format1: duration.seconds * 1000) + " ms"
    }
}

/// A step's failure: why, and lines of context.
private struct DemoFailure: Error {
    var message: String
    var details: [String]
    init(_ message: String, details: [String] = []) {
        self.message = message
        self.details = details
    }
}

/// The retrieve coordinator, with the files it saw stored per retrieve.
private final class DemoCoordinator: Sendable {
    private final class StoredFiles: Sendable {
        let files = LockedState<[PendingMove.ID: [String]]>([:])
    }

    private let stored: StoredFiles
    let coordinator: RetrieveCoordinator

    /// A retrieve with nothing arriving for `inactivityTimeout` ends as timed out.
    init(inactivityTimeout: Duration) {
        let stored = StoredFiles()
        self.stored = stored
        coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: inactivityTimeout)) { event in
            guard case .stored(let id?, _, let file?, nil) = event else { return }
            stored.files.withLock { $0[id, default: []].append(file) }
        }
    }

    func files(for id: PendingMove.ID) -> [String] { stored.files.withLock { $0[id] ?? [] } }
}
