import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink bench echo|store|find|move (--server NAME | --host H --port P --called-aet AE)
/// [--calling-aet AE] [--concurrency C] [--duration SECONDS | --count N] [--reuse]
/// [--size BYTES] [--study UID] [--listen-port N] [--out DIR] [--flush POLICY] [--timeout SECONDS]
/// [--json]`:
/// a load generator; exit 1 when any operation failed.
///
/// store: a synthetic instance of --size bytes of pixel data, a new SOP Instance UID each
/// time. find: a study-level C-FIND matching every study. move: C-MOVE of --study (default:
/// the first study a C-FIND finds) to our AE title (the calling AE title), whose Storage SCP
/// this command runs on --listen-port (default: the server's listen port, or the local
/// receive port) writing under --out (default: the local storage), as `retrieve` does.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load a peer with operations and report their rate, latency percentiles and failures.",
        discussion: """
            Without --reuse every operation opens its own association (connect, negotiate, \
            operate, release, close); with --reuse each worker repeats the operation in one \
            association. Latencies are of successful operations. store sends a synthetic \
            instance of --size bytes (new SOP Instance UID each time); find is a study-level query \
            matching every study; move moves --study (default: the first study found) to our \
            AE title, received by our Storage SCP on --listen-port.
            """)

    /// The operations a bench can repeat.
    enum Mode: String, ExpressibleByArgument, CaseIterable { case echo, store, find, move }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The operation: echo, store, find or move.") var mode: Mode
    @Option(help: "A registered server to load.") var server: String?
    @Option(help: "Host to load (with --port and --called-aet).") var host: String?
    @Option(help: "Port to load (1–65535).") var port: String?
    @Option(name: .customLong("called-aet"), help: ArgumentHelp("The peer's AE title.", valueName: "AE")) var calledAET: String?
    @Option(name: .customLong("calling-aet"), help: ArgumentHelp("Our AE title (default: the local AE title).", valueName: "AE"))
    var callingAET: String?
    @Option(help: ArgumentHelp("Operations in flight at once.", valueName: "C")) var concurrency: Int = 1
    @Option(help: ArgumentHelp("Run this long (default 10 seconds).", valueName: "SECONDS")) var duration: Double?
    @Option(help: ArgumentHelp("Run exactly N operations.", valueName: "N")) var count: Int?
    @Flag(help: "Repeat operations inside one association per worker.") var reuse = false
    @Option(help: ArgumentHelp("store: pixel data bytes per instance (default 524288).", valueName: "BYTES")) var size: Int?
    @Option(help: ArgumentHelp("move: the study to move (default: the first a study-level C-FIND finds).", valueName: "UID"))
    var study: String?
    @Option(name: .customLong("listen-port"), help: ArgumentHelp(
        "move: our Storage SCP's port (default: the server's listen port, or the local receive port).", valueName: "N"))
    var listenPort: UInt16?
    @Option(help: ArgumentHelp("move: storage root of the received files (default: the local storage).", valueName: "DIR"))
    var out: String?
    @Option(help: ArgumentHelp("move: flush policy of the received files (default fileAndDirectory).", valueName: "POLICY"))
    var flush: FlushPolicy = .fileAndDirectory
    @Option(help: ArgumentHelp("Seconds to wait per phase (default 10, or the server's timeout).", valueName: "SECONDS"))
    var timeout: Double?
    @Flag(help: "Print one JSON document.") var json = false

    func validate() throws {
        let direct = host != nil || port != nil || calledAET != nil
        if direct == (server != nil) || (direct && (host == nil || port == nil || calledAET == nil)) {
            throw ValidationError("give --server NAME, or --host, --port and --called-aet")
        }
        if duration != nil && count != nil { throw ValidationError("give --duration or --count, not both") }
        if concurrency < 1 || (count ?? 1) < 1 { throw ValidationError("--concurrency and --count must be at least 1") }
        if let size, size < 0 || size > 1 << 30 { throw ValidationError("--size \(size): must be from 0 to 1073741824 bytes") }
        if mode != .store && size != nil { throw ValidationError("--size is for store") }
        if mode != .move && (study != nil || listenPort != nil || out != nil) {
            throw ValidationError("--study, --listen-port and --out are for move")
        }
        for (value, option) in [(duration, "--duration"), (timeout, "--timeout")] {
            if let value, !(value > 0 && value <= 86_400) {
                throw ValidationError("\(option) \(value): must be a number of seconds above 0")
            }
        }
    }

    func run() async throws {
        let target = try makeTarget()
        let stop: LoadConfiguration.Stop = count.map { .count($0) } ?? .duration(Self.duration(duration ?? 10))
        let configuration = LoadConfiguration(concurrency: concurrency, stop: stop, reusesAssociations: reuse)
        let group = EventLoopGroup()
        defer { group.shutdown() }
        let cpuBefore = Self.processCPUSeconds()
        let report: LoadReport
        switch mode {
        case .echo: report = await LoadGenerator.run(try EchoLoad(target), configuration, group: group)
        case .store: report = await LoadGenerator.run(try StoreLoad(target, size: size ?? 524_288), configuration, group: group)
        case .find: report = await LoadGenerator.run(try FindLoad(target), configuration, group: group)
        case .move: report = try await runMove(target, configuration, group: group)
        }
        let cpu = Self.processCPUSeconds() - cpuBefore
        let endpoint = "\(target.host):\(target.port)"
        if json {
            try JSONOutput.print(BenchReportJSON(report, target: endpoint, cpuSeconds: cpu))
        } else {
            print(BenchReportText(report, target: endpoint, cpuSeconds: cpu).text, terminator: "")
        }
        if report.failed > 0 { throw ExitCode.failure }
    }

    /// The move load with our Storage SCP listening for its sub-operations meanwhile.
    private func runMove(_ target: EchoTarget, _ configuration: LoadConfiguration, group: EventLoopGroup) async throws -> LoadReport {
        let snapshot = try? global.registry.load()
        let entry = try server.map { name in try global.registry.load().server(named: name) }
        let uid: String
        if let study { uid = study } else { uid = try await firstStudy(target, on: group.next()) }
        do { try UID.validate(uid, field: "--study") } catch { throw RegistryError(.invalid, "\(error)") }
        let addresses = (try? await NameResolver.resolve(host: target.host, port: target.port, on: group.next()))?.map(\.host)
        let load = try MoveLoad(
            target, studyInstanceUID: uid, peerAddresses: addresses ?? [target.host], inactivityTimeout: target.timeout)
        let port = listenPort ?? entry?.listenPort ?? snapshot?.local.receivePort ?? 11112
        let root = out ?? snapshot?.local.storage ?? FileManager.default.currentDirectoryPath
        let acceptor = try load.listener(
            port: port, store: InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: root)), flush: flush), group: group)
        do {
            _ = try await acceptor.start()
        } catch {
            FileHandle.standardError.write(Data("pacslink: cannot listen on port \(port) for the C-MOVE sub-operations: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let report = await LoadGenerator.run(load, configuration, group: group)
        await acceptor.stop()
        return report
    }

    /// The Study Instance UID of the first study a study-level C-FIND of `target` finds.
    private func firstStudy(_ target: EchoTarget, on loop: EventLoop) async throws -> String {
        var identifier = DataSet()
        try identifier.setQueryKey("QueryRetrieveLevel=STUDY")
        try identifier.setQueryKey("StudyInstanceUID")
        let found = LockedState<String?>(nil)
        do {
            _ = try await FindSCU.find(target, model: .studyRoot, identifier: identifier, on: loop) { match in
                found.withLock { $0 = $0 ?? match.string(.studyInstanceUID) }
            }
        } catch {
            FileHandle.standardError.write(Data("pacslink: cannot find a study to move: \(error)\n".utf8))
            throw ExitCode.failure
        }
        guard let uid = found.withLock({ $0 }) else {
            FileHandle.standardError.write(Data("pacslink: the server has no study to move (give --study)\n".utf8))
            throw ExitCode.failure
        }
        return uid
    }

    private func makeTarget() throws -> EchoTarget {
        let local = try? global.registry.load().local
        var target: EchoTarget
        if let server {
            let snapshot = try global.registry.load()
            target = EchoTarget(try snapshot.server(named: server), local: snapshot.local, defaultTimeout: Self.duration(timeout ?? 10))
        } else if let host, let port, let calledAET {
            guard let number = UInt16(port), number > 0 else {
                throw RegistryError(.invalid, "--port \(port): must be a number from 1 to 65535")
            }
            target = EchoTarget(
                host: host, port: number, calledAETitle: calledAET, callingAETitle: local?.aeTitle ?? "PACSLINK",
                timeout: Self.duration(timeout ?? 10))
        } else {
            throw ValidationError("give --server NAME, or --host, --port and --called-aet")
        }
        if let callingAET { target.callingAETitle = callingAET }
        if let timeout { target.timeout = Self.duration(timeout) }
        return target
    }

    static func duration(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }

    /// User plus system CPU time of this process so far: what a run costs us whatever else the
    /// machine is doing.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
