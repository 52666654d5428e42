import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink echo (SERVER… | --all | --endpoints CSV | --host H --port N --called-aet AE) [--calling-aet AE]
/// [--tls [--tls-ca F] [--no-verify-certificate] [--tls-cert F --tls-key F]] [--concurrency N] [--timeout SECONDS] [--repeat K] [--format table|json|csv]`: C-ECHO with
/// phase timings; exit 1 when any echo failed.
struct EchoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo", abstract: "C-ECHO servers, timing each phase (resolve, connect, TLS, associate, echo, release).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Registered server names.") var servers: [String] = []
    @Flag(help: "Echo every registered server.") var all = false
    @Option(help: ArgumentHelp("Echo the endpoints of a CSV file (header name,ae,host,port,tls).", valueName: "CSV"))
    var endpoints: String?
    @Option(help: "Host to echo (with --port and --called-aet).") var host: String?
    @Option(help: "Port to echo (1–65535).") var port: String?
    @Option(name: .customLong("called-aet"), help: ArgumentHelp("The peer's AE title.", valueName: "AE")) var calledAET: String?
    @Option(name: .customLong("calling-aet"), help: ArgumentHelp("Our AE title (default: the local AE title).", valueName: "AE"))
    var callingAET: String?
    @Flag(help: "Use TLS (with --host).") var tls = false
    @Option(help: ArgumentHelp("CA certificates (PEM) to verify the server with.", valueName: "FILE")) var tlsCA: String?
    @Flag(name: .customLong("no-verify-certificate"), help: "Do not verify the server's certificate.") var noVerifyCertificate = false
    @Option(help: ArgumentHelp("Our client certificate (PEM), with --tls-key.", valueName: "FILE")) var tlsCert: String?
    @Option(help: ArgumentHelp("The client certificate's private key (PEM).", valueName: "FILE")) var tlsKey: String?
    @Option(help: "Echoes in flight at once.") var concurrency: Int = 16
    @Option(help: ArgumentHelp("Seconds to wait per phase (default 10, or the server's timeout).", valueName: "SECONDS"))
    var timeout: Double?
    @Option(help: ArgumentHelp("Echo each target K times.", valueName: "K")) var `repeat`: Int = 1
    @Option(help: "Output: table, json or csv.") var format: Format = .table

    func validate() throws {
        let direct = host != nil || port != nil || calledAET != nil
        if direct && (host == nil || port == nil || calledAET == nil) {
            throw ValidationError("--host, --port and --called-aet go together")
        }
        if !direct && servers.isEmpty && !all && endpoints == nil {
            throw ValidationError("name servers, or give --all, --endpoints CSV, or --host, --port and --called-aet")
        }
        if `repeat` < 1 || concurrency < 1 { throw ValidationError("--repeat and --concurrency must be at least 1") }
    }

    func run() async throws {
        let targets = try makeTargets()
        let group = EventLoopGroup(loopCount: min(2, EventLoopGroup.coreCount))
        let runs = Array(repeating: targets, count: `repeat`).joined().map { $0 }
        let results = await EchoSCU.echo(runs, group: group, concurrency: concurrency)
        group.shutdown()
        try EchoReport(results: results).print(format)
        if results.contains(where: { !$0.succeeded }) { throw ExitCode.failure }
    }

    private func makeTargets() throws -> [EchoTarget] {
        let defaultTimeout: Duration = .milliseconds(Int64((timeout ?? 10) * 1000))
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw RegistryError(.invalid, "--timeout \(timeout): must be a number of seconds above 0")
        }
        var targets: [EchoTarget] = []
        if let host, let port, let calledAET {
            guard let number = UInt16(port), number > 0 else {
                throw RegistryError(.invalid, "--port \(port): must be a number from 1 to 65535")
            }
            let local = try? global.registry.load().local
            targets.append(EchoTarget(
                host: host, port: number, calledAETitle: calledAET,
                callingAETitle: callingAET ?? local?.aeTitle ?? "PACSLINK", timeout: defaultTimeout,
                tls: tls ? EchoTarget.tls(caFile: tlsCA, verify: !noVerifyCertificate, certificate: tlsCert, key: tlsKey) : nil))
        }
        if all || !servers.isEmpty {
            let snapshot = try global.registry.load()
            let entries = all ? snapshot.servers : try servers.map { name throws(RegistryError) in try snapshot.server(named: name) }
            for entry in entries {
                var target = EchoTarget(entry, local: snapshot.local, defaultTimeout: defaultTimeout)
                if let callingAET { target.callingAETitle = callingAET }
                if let timeout { target.timeout = .milliseconds(Int64(timeout * 1000)) }
                if tls || tlsCA != nil || noVerifyCertificate || tlsCert != nil {
                    let entryTLS = target.tls
                    target.tls = EchoTarget.tls(
                        caFile: tlsCA ?? entry.tlsCA, verify: !noVerifyCertificate && (entryTLS?.verifyPeer ?? true),
                        certificate: tlsCert ?? entry.tlsCert, key: tlsKey ?? entry.tlsKey)
                }
                targets.append(target)
            }
        }
        if let endpoints {
            guard let text = try? String(contentsOfFile: endpoints, encoding: .utf8) else {
                throw RegistryError(.io, "cannot read the endpoints file \(endpoints)")
            }
            let local = try? global.registry.load().local
            targets += try EchoTarget.endpoints(
                csv: text, callingAETitle: callingAET ?? local?.aeTitle ?? "PACSLINK", timeout: defaultTimeout)
        }
        for target in targets {
            for (title, option) in [(target.calledAETitle, "--called-aet"), (target.callingAETitle, "--calling-aet")] {
                do {
                    _ = try AETitle(validating: title)
                } catch {
                    throw RegistryError(.invalid, "\(option): \(error.detail)")
                }
            }
        }
        return targets
    }
}
