import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink

/// `pacslink listen [--port N]… [--tls-port N]… [--aet AE] [--storage DIR] [--tls-cert F --tls-key F]
/// [--tls-ca F] [--open] [--json] [--discard] [--flush POLICY] [--io MODE] [--window N]`: a Storage SCP (and Verification SCP) on every port at once
/// until SIGINT or SIGTERM; one log line (or JSON object) per event on stdout.
///
/// Stores no retrieve of this process asked for are unsolicited: filed under
/// `<storage>/ReceivedFiles/<Study>/<Series>/<SOP>.dcm`. Access: a registered server's AE title
/// from the addresses its host resolves to (title and address as a pair), and `allowed_callers`
/// from any address, unless `--open` (or `open = yes`) — then any calling and called AE title;
/// with neither servers nor allowed callers configured, any calling AE title is accepted (a
/// warning says so). `--max-associations` and `--max-associations-per-host` cap associations
/// (not connections: one that never sends an A-ASSOCIATE-RQ is closed by ARTIM, `--timeout`). On SIGINT/SIGTERM the listener stops accepting,
/// waits (up to 30 s) for the stores in flight to be written and answered, then exits.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen", abstract: "Accept associations (Verification SCP) until interrupted.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("port"), help: "A port to listen on (repeatable; default: the receive port and every server's listen port).")
    var ports: [String] = []
    @Option(name: .customLong("tls-port"), help: "A port to listen on with TLS (repeatable; needs --tls-cert and --tls-key).")
    var tlsPorts: [String] = []
    @Option(help: ArgumentHelp("Our TLS certificate (PEM) (default: the local one).", valueName: "FILE")) var tlsCert: String?
    @Option(help: ArgumentHelp("Its private key (PEM).", valueName: "FILE")) var tlsKey: String?
    @Option(help: ArgumentHelp("Require client certificates signed by these CAs (PEM).", valueName: "FILE")) var tlsCA: String?
    @Option(help: ArgumentHelp("Storage root (default: the local storage).", valueName: "DIR")) var storage: String?
    @Option(name: .customLong("aet"), help: ArgumentHelp("Our AE title (default: the local AE title).", valueName: "AE"))
    var aeTitle: String?
    @Flag(help: "Accept any called AE title.") var open = false
    @Flag(help: "One JSON object per line.") var json = false
    @Flag(help: "For measuring only: answer every C-STORE with success and store nothing (like storescp --ignore).")
    var discard = false
    @OptionGroup var writing: StorageWriteOptions
    @Option(help: ArgumentHelp(
        "C-STOREs one association may have in progress at once, granted to a requestor that proposes an asynchronous "
            + "operations window (PS3.7 D.3.3.3); 1: one at a time.", valueName: "N"))
    var window: UInt16 = StorageSCP.operationsWindow
    @Option(help: "Most associations at once; more are rejected as transient (local limit exceeded).")
    var maxAssociations: Int = 64
    @Option(help: "Most associations from one peer address at once (default: only --max-associations).")
    var maxAssociationsPerHost: Int?
    @Option(help: ArgumentHelp(
        "Seconds to wait for a peer's next PDU (ARTIM, DIMSE) before aborting its association.", valueName: "SECONDS"))
    var timeout: Double = 30

    func run() async throws {
        let snapshot = try? global.registry.load()
        let local = snapshot?.local
        let numbers = try Self.ports(ports, option: "--port")
        let tlsNumbers = try Self.ports(tlsPorts, option: "--tls-port")
        let tls = try tlsConfiguration(local: local, needed: !tlsNumbers.isEmpty)
        guard maxAssociations >= 1, (maxAssociationsPerHost ?? 1) >= 1 else {
            throw RegistryError(.invalid, "--max-associations and --max-associations-per-host must be at least 1")
        }
        guard window > 0 else { throw RegistryError(.invalid, "--window \(window): must be at least 1") }
        guard timeout > 0 && timeout <= 86_400 else {
            throw RegistryError(.invalid, "--timeout \(timeout): must be a number of seconds above 0")
        }
        let listenPorts = numbers.isEmpty && tlsNumbers.isEmpty ? Self.configuredPorts(snapshot) : numbers
        // One descriptor per connection, idle ones included: allow as many as the system lets us.
        DescriptorLimit.raiseToHardLimit()
        let group = EventLoopGroup()
        let printer = ListenPrinter(json: json)
        let acceptor: MultiplexedAcceptor
        let coordinator = RetrieveCoordinator { printer.stored($0) }
        let isOpen = open || local?.open == true
        let servers = snapshot?.servers ?? []
        let extraCallers = local?.allowedCallers ?? []
        if !isOpen && servers.isEmpty && extraCallers.isEmpty {
            FileHandle.standardError.write(Data(
                "pacslink: no servers registered and no allowed_callers: accepting any calling AE title\n".utf8))
        }
        let root = storage ?? local?.storage ?? FileManager.default.currentDirectoryPath
        let callers = isOpen || (servers.isEmpty && extraCallers.isEmpty)
            ? nil : try await Self.allowedCallers(servers: servers, aeTitles: extraCallers, on: group.next())
        do {
            let context = try tls.map { configuration throws(TransportError) in try TLSContext(configuration) }
            acceptor = try StorageListener.make(
                addresses: listenPorts.map { MultiplexedAcceptor.ListenAddress(port: $0) }
                    + tlsNumbers.map { MultiplexedAcceptor.ListenAddress(port: $0, tls: context) },
                aeTitle: aeTitle ?? local?.aeTitle ?? "PACSLINK", open: isOpen,
                allowedCallers: callers,
                store: writing.store(at: root), coordinator: coordinator,
                preferredTransferSyntax: { calling in
                    servers.first { $0.aeTitle == calling }?.compression.flatMap { TransferSyntax.lookup($0)?.uid }
                },
                discard: discard, operationsWindow: window, maximumAssociations: maxAssociations,
                maximumAssociationsPerHost: maxAssociationsPerHost,
                timeouts: .uniform(.milliseconds(Int64(timeout * 1000)), idle: .seconds(300)), group: group,
                onEcho: { printer.print(.echo(peer: $0)) }, onEvent: { printer.print(.acceptor($0)) })
        } catch {
            throw RegistryError(.invalid, "\(error)")
        }
        do {
            try await acceptor.start()
        } catch {
            FileHandle.standardError.write(Data("pacslink: error: \(error)\n".utf8))
            group.shutdown()
            throw ExitCode.failure
        }
        await Self.waitForTermination()
        await acceptor.stop()
        let deadline = ContinuousClock.now + .seconds(30)
        while coordinator.storesInFlight > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        group.shutdown()
    }

    /// Who may store without --open: each registered server's AE title from the addresses its
    /// host resolves to (a host that does not resolve allows nothing, with a warning), and each
    /// `allowed_callers` AE title from any address.
    static func allowedCallers(
        servers: [ServerEntry], aeTitles: [String], on loop: EventLoop
    ) async throws(RegistryError) -> [AllowedCaller] {
        var callers: [AllowedCaller] = []
        for server in servers {
            var addresses: Set<String> = []
            do {
                for address in try await NameResolver.resolve(host: server.connectHost, port: server.port, on: loop) {
                    addresses.insert(AcceptancePolicy.host(ofPeer: address.description))
                }
            } catch {
                FileHandle.standardError.write(Data(
                    "pacslink: warning: server \(server.name): \(server.connectHost) does not resolve (\(error)); it cannot connect\n".utf8))
            }
            callers.append(AllowedCaller(aeTitle: try title(server.aeTitle, field: "server \(server.name) AE title"), hosts: addresses))
        }
        for title in aeTitles {
            callers.append(AllowedCaller(aeTitle: try Self.title(title, field: "allowed caller")))
        }
        return callers
    }

    private static func title(_ text: String, field: String) throws(RegistryError) -> AETitle {
        do {
            return try AETitle(validating: text, field: field)
        } catch {
            throw RegistryError(.invalid, "\(error)")
        }
    }

    /// Without --port: the receive port and every server's listen port, each once.
    static func configuredPorts(_ snapshot: ServerRegistry.Snapshot?) -> [UInt16] {
        var ports = [snapshot?.local.receivePort ?? 11112]
        for port in snapshot?.servers.map(\.listenPort) ?? [] where !ports.contains(port) { ports.append(port) }
        return ports
    }

    static func ports(_ texts: [String], option: String) throws(RegistryError) -> [UInt16] {
        try texts.map { text throws(RegistryError) -> UInt16 in
            guard let port = UInt16(text), port > 0 else {
                throw RegistryError(.invalid, "\(option) \(text): must be a number from 1 to 65535")
            }
            return port
        }
    }

    /// The server TLS configuration for `--tls-port`: the given or local certificate and key;
    /// with a CA file, clients must present a certificate it signed (mutual TLS).
    func tlsConfiguration(local: LocalSettings?, needed: Bool) throws(RegistryError) -> TLSConfiguration? {
        guard needed else { return nil }
        guard let certificate = tlsCert ?? local?.tlsCert, let key = tlsKey ?? local?.tlsKey else {
            throw RegistryError(.invalid, "--tls-port needs --tls-cert and --tls-key (or tls_cert and tls_key in [local])")
        }
        var configuration = TLSConfiguration.server(certificateChainFile: certificate, privateKeyFile: key)
        if let ca = tlsCA ?? local?.tlsCA {
            configuration.trustRoots = .file(ca)
            configuration.verifyPeer = true
            configuration.requireClientCertificate = true
        }
        return configuration
    }

    /// Returns on SIGINT or SIGTERM.
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "signals")
            let resumed = ManagedFlag()
            var sources: [any DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if resumed.set() {
                        for source in sources { source.cancel() }
                        continuation.resume()
                    }
                }
                sources.append(source)
            }
            for source in sources { source.resume() }
        }
    }
}

/// Set once, from the signal queue only.
private final class ManagedFlag: @unchecked Sendable {
    private var value = false
    /// True the first time.
    func set() -> Bool {
        defer { value = true }
        return !value
    }
}

/// Prints listener events from any loop thread, one whole line at a time.
final class ListenPrinter: Sendable {
    let json: Bool
    init(json: Bool) { self.json = json }

    /// A store finished: written (under ReceivedFiles/ when unsolicited) or failed.
    func stored(_ event: RetrieveCoordinator.Event) {
        guard case .stored(_, let sop, let file, let failure) = event else { return }
        let line: String
        if json {
            var object = ["event": failure == nil ? "stored" : "store_failed", "sop_instance_uid": sop]
            if let file { object["file"] = file }
            if let failure { object["error"] = failure.detail; object["status"] = failure.status.description }
            line = Self.encode(object)
        } else {
            line = failure.map { "C-STORE \(sop) failed: \($0.status.description): \($0.detail)" } ?? "C-STORE \(sop) stored: \(file ?? "")"
        }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func print(_ event: VerificationListener.Event) {
        let line = json ? jsonLine(event) : text(event)
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func text(_ event: VerificationListener.Event) -> String {
        switch event {
        case .acceptor(let event): event.description
        case .echo(let peer): "C-ECHO from \(peer): success"
        }
    }

    private func jsonLine(_ event: VerificationListener.Event) -> String {
        var object: [String: String] = [:]
        switch event {
        case .echo(let peer): object = ["event": "echo", "peer": peer, "status": "success"]
        case .acceptor(.listening(let address)): object = ["event": "listening", "address": address.description]
        case .acceptor(.accepted(let peer, let calling, let called)):
            object = ["event": "accepted", "peer": peer, "calling_aet": calling.value, "called_aet": called.value]
        case .acceptor(.rejected(let peer, let calling, let called, let rj)):
            object = ["event": "rejected", "peer": peer, "calling_aet": calling.value, "called_aet": called.value,
                      "reason": rj.description]
        case .acceptor(.ended(let peer, let error)):
            object = ["event": "ended", "peer": peer]
            if let error { object["error"] = error.detail; object["phase"] = error.phase.rawValue }
        case .acceptor(.acceptFailed(let error)): object = ["event": "accept_failed", "error": error.description]
        }
        return Self.encode(object)
    }

    private static func encode(_ object: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(object), as: UTF8.self)) ?? "{}"
    }
}

