import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink

/// `pacslink listen [--port N]… [--aet AE] [--open] [--json]`: a Verification SCP on every
/// port at once until SIGINT or SIGTERM; one log line (or JSON object) per event on stdout.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen", abstract: "Accept associations (Verification SCP) until interrupted.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("port"), help: "A port to listen on (repeatable; default: the local receive port).")
    var ports: [String] = []
    @Option(name: .customLong("aet"), help: ArgumentHelp("Our AE title (default: the local AE title).", valueName: "AE"))
    var aeTitle: String?
    @Flag(help: "Accept any called AE title.") var open = false
    @Flag(help: "One JSON object per line.") var json = false
    @Option(help: "Most associations at once; more are rejected as transient (local limit exceeded).")
    var maxAssociations: Int = 64

    func run() async throws {
        let local = try? global.registry.load().local
        let numbers = try ports.map { text throws(RegistryError) -> UInt16 in
            guard let port = UInt16(text), port > 0 else {
                throw RegistryError(.invalid, "--port \(text): must be a number from 1 to 65535")
            }
            return port
        }
        let listenPorts = numbers.isEmpty ? [local?.receivePort ?? 11112] : numbers
        let group = EventLoopGroup()
        let printer = ListenPrinter(json: json)
        let acceptor: MultiplexedAcceptor
        do {
            acceptor = try VerificationListener.make(
                ports: listenPorts, aeTitle: aeTitle ?? local?.aeTitle ?? "PACSLINK", open: open || local?.open == true,
                allowedCallers: local?.allowedCallers ?? [], maximumAssociations: maxAssociations, group: group,
                onEvent: printer.print)
        } catch {
            throw RegistryError(.invalid, error.description)
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
        group.shutdown()
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(object), as: UTF8.self)) ?? "{}"
    }
}
