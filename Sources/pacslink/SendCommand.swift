import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink

/// `pacslink send SERVER PATH… [--recursive] [--associations N] [--window N] [--json]`, or with
/// `--host H --port N --called-aet AE` instead of SERVER: C-STOREs Part 10 files (PS3.4
/// Annex B) and reports each path. Ctrl-C aborts the associations and reports what was and
/// was not stored. Exit 0 when every DICOM file was stored, 1 otherwise.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send DICOM files and folders to a server (C-STORE).",
        discussion: """
            Files are sent as stored, in their own transfer syntax: PACSLink does not \
            transcode, so a file whose SOP class or transfer syntax the server does not \
            accept fails with the server's reason while the rest go on. Files that are not \
            DICOM Part 10 files are listed as skipped. Folders are read in name order; their \
            subfolders only with --recursive. Files up to 64 KiB are read once, whole, when \
            the paths are scanned (up to 32 MiB of them) and sent as they were then; larger \
            ones are read again while they are sent.

            Each association proposes an asynchronous operations window (PS3.7 D.3.3.3) of \
            --window C-STOREs: a server that grants it (pacslink listen, dcm4che) receives up \
            to that many at once, each response matched to its file; one that does not \
            (DCMTK) receives them one at a time. --window 1 proposes none.

            On a terminal a progress bar shows files, bytes and rate; otherwise one line per \
            file. --json prints one document at the end.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(
        "SERVER (a name from the registry) followed by files and folders; without SERVER when --host is given.",
        valueName: "SERVER PATH"))
    var arguments: [String]

    @Flag(help: "Also send the files in subfolders.") var recursive = false
    @Option(help: "Associations to send over in parallel.") var associations = 1
    @Option(help: "C-STOREs outstanding at once per association, if the server grants it (1: one at a time).")
    var window: UInt16 = AssociationStoreOpener.defaultWindow
    @Flag(help: "Print one JSON document.") var json = false
    @Option(help: "The peer's host, instead of SERVER.") var host: String?
    @Option(help: "The peer's port, with --host.") var port: UInt16?
    @Option(name: .customLong("called-aet"), help: ArgumentHelp("The peer's AE title, with --host.", valueName: "AE"))
    var calledAET: String?
    @Option(name: .customLong("calling-aet"), help: ArgumentHelp("Our AE title (default: the server's local AE title, else ours).", valueName: "AE"))
    var callingAET: String?
    @Option(help: ArgumentHelp("Seconds to wait per network phase (default: the server's, else 30).", valueName: "SECONDS"))
    var timeout: Double?

    func validate() throws {
        if host != nil {
            guard port != nil, calledAET != nil else { throw ValidationError("--host needs --port and --called-aet.") }
            guard !arguments.isEmpty else { throw ValidationError("Give at least one file or folder.") }
        } else {
            guard port == nil, calledAET == nil else { throw ValidationError("--port and --called-aet go with --host.") }
            guard arguments.count >= 2 else { throw ValidationError("Give SERVER and at least one file or folder.") }
        }
        guard associations >= 1 else { throw ValidationError("--associations must be at least 1.") }
        guard window >= 1 else { throw ValidationError("--window must be at least 1.") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        let (target, paths) = try resolveTarget()
        let group = EventLoopGroup(loopCount: min(associations, EventLoopGroup.coreCount), name: "send")
        defer { group.shutdown() }
        let opener: AssociationStoreOpener
        do {
            opener = try AssociationStoreOpener(
                host: target.host, port: target.port, calledAETitle: target.calledAET, callingAETitle: target.callingAET,
                timeouts: .uniform(.seconds(target.timeout)), tls: try target.tls.map { try TLSContext($0) }, window: window,
                group: group)
        } catch let error as ProtocolError {
            FileHandle.standardError.write(Data("pacslink: error: \(error.detail)\n".utf8))
            throw ExitCode(ExitStatus.invalid.rawValue)
        } catch {
            FileHandle.standardError.write(Data("pacslink: error: TLS: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failed.rawValue)
        }
        let scan = SendScanner.scan(paths, recursive: recursive)
        let display = SendDisplay(scan: scan, mode: json ? .quiet : isatty(STDOUT_FILENO) == 1 ? .bar : .lines)
        let scu = StoreSCU(opener: opener)
        let sending = Task { await scu.send(scan, associations: associations) { display.record($0) } }
        let interrupt = Self.onInterrupt { sending.cancel() }
        let report = await sending.value
        interrupt.cancel()
        display.finish(report)
        if json { try JSONOutput.print(SendJSON(peer: target.description, report: report)) }
        if !report.summary.allSent { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    /// Whom to send to, and the paths: from --host/--port/--called-aet, or from the registry.
    private func resolveTarget() throws -> (SendTarget, [String]) {
        if let host, let port, let calledAET {
            return (SendTarget(name: nil, host: host, port: port, calledAET: calledAET,
                               callingAET: callingAET ?? LocalSettings(environment: [:]).aeTitle,
                               timeout: timeout ?? 30, tls: nil), arguments)
        }
        let snapshot = try global.registry.load()
        let entry = try snapshot.server(named: arguments[0])
        let target = SendTarget(
            name: entry.name, host: entry.connectHost, port: entry.port, calledAET: entry.aeTitle,
            callingAET: callingAET ?? entry.localAETitle ?? snapshot.local.aeTitle, timeout: timeout ?? entry.timeout ?? 30,
            tls: entry.tls ? EchoTarget.tls(caFile: entry.tlsCA, verify: entry.verifyCertificate, certificate: entry.tlsCert, key: entry.tlsKey) : nil)
        return (target, Array(arguments.dropFirst()))
    }

    /// Runs `handler` on the first SIGINT (Ctrl-C); a second one exits at once.
    private static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Counter()
        source.setEventHandler {
            if count.increment() > 1 { Foundation.exit(130) }
            FileHandle.standardError.write(Data("\npacslink: interrupted; aborting the associations…\n".utf8))
            handler()
        }
        source.resume()
        return source
    }
}

/// The peer of one `send`.
private struct SendTarget {
    var name: String?
    var host: String
    var port: UInt16
    var calledAET: String
    var callingAET: String
    var timeout: Double
    /// From the registry entry; `--host` sends are plain TCP.
    var tls: TLSConfiguration?

    var description: String { (name.map { "\($0) " } ?? "") + "\(calledAET)@\(host):\(port)" }
}

/// A thread-safe count (Ctrl-C presses).
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}

/// What the user sees while sending: a progress bar redrawn on a terminal (with failures and
/// warnings printed above it), one line per file otherwise, nothing with --json; then the
/// skipped paths and a summary.
private final class SendDisplay: @unchecked Sendable {
    enum Mode { case bar, lines, quiet }

    private let mode: Mode
    private let lock = NSLock()
    private var progress: SendProgress
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant

    init(scan: SendScanner.Scan, mode: Mode) {
        self.mode = mode
        let files = scan.files
        progress = SendProgress(filesTotal: files.count, bytesTotal: files.reduce(0) { $0 + $1.dataSetLength })
        start = clock.now
        lastDraw = start
        if mode != .quiet {
            for result in scan.rejected { print("\(result.detail)  \(result.path)") }
        }
    }

    func record(_ event: SendEvent) {
        lock.withLock {
            progress.record(event)
            switch (mode, event) {
            case (.lines, .finished(let result)):
                print("\(result.detail)  \(result.path)")
            case (.bar, .finished(let result)):
                if result.category != .success { write("\r\u{1B}[K\(result.detail)  \(result.path)\n") }
                draw(force: true)
            case (.bar, .bytes):
                draw(force: false)
            default: break
            }
        }
    }

    func finish(_ report: SendReport) {
        guard mode != .quiet else { return }
        lock.withLock {
            if mode == .bar { draw(force: true); write("\n") }
            print(report.summary.line)
        }
    }

    private func draw(force: Bool) {
        let now = clock.now
        guard force || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        write("\r" + progress.line(elapsed: now - start))
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `send --json`: the peer, the summary and one object per path.
private struct SendJSON: Encodable {
    let peer: String
    let report: SendReport

    enum CodingKeys: String, CodingKey { case peer, summary, files }
    enum SummaryKeys: String, CodingKey {
        case success, warning, failure, skipped, notSent = "not_sent", bytesStored = "bytes_stored", seconds
    }
    enum FileKeys: String, CodingKey {
        case path, result, status, meaning, errorComment = "error_comment", reason, sopClassUID = "sop_class_uid"
        case sopInstanceUID = "sop_instance_uid", transferSyntaxUID = "transfer_syntax_uid", bytes
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(peer, forKey: .peer)
        let summary = report.summary
        var s = c.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
        try s.encode(summary.count(.success), forKey: .success)
        try s.encode(summary.count(.warning), forKey: .warning)
        try s.encode(summary.count(.failure), forKey: .failure)
        try s.encode(summary.count(.skipped), forKey: .skipped)
        try s.encode(summary.count(.notSent), forKey: .notSent)
        try s.encode(summary.bytesStored, forKey: .bytesStored)
        let (seconds, attoseconds) = summary.duration.components
        try s.encode(Double(seconds) + Double(attoseconds) / 1e18, forKey: .seconds)
        var files = c.nestedUnkeyedContainer(forKey: .files)
        for result in report.results {
            var f = files.nestedContainer(keyedBy: FileKeys.self)
            try f.encode(result.path, forKey: .path)
            try f.encode(result.category.rawValue, forKey: .result)
            try f.encode(result.status.map { String(format: "0x%04X", $0.code) }, forKey: .status)
            try f.encode(result.status?.meaning(for: .cStoreRSP), forKey: .meaning)
            try f.encode(result.errorComment, forKey: .errorComment)
            try f.encode(result.reason, forKey: .reason)
            try f.encode(result.file?.sopClassUID, forKey: .sopClassUID)
            try f.encode(result.file?.sopInstanceUID, forKey: .sopInstanceUID)
            try f.encode(result.file?.transferSyntax.uid, forKey: .transferSyntaxUID)
            try f.encode(result.file?.dataSetLength, forKey: .bytes)
        }
    }
}
