import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink

/// `pacslink simulate [--count N] [--base-port P] [--aet AE] [--studies K] [--series S]
/// [--instances I] [--size BYTES] [--from DIR] [--config FILE] [--destination AE=HOST:PORT]…
/// [--omit-move-originator] …`: simulated PACS in this process until SIGINT or SIGTERM.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run simulated PACS (Verification, Storage, C-FIND, C-MOVE, C-GET SCP) until interrupted.",
        discussion: """
            Starts COUNT simulated PACS on ports P … P+COUNT-1 with AE titles AE, AE2, AE3, …, each \
            over its own synthetic studies (or the files of --from), and prints what each serves. \
            C-MOVE sends only to the destinations given with --destination. With --config FILE (for \
            simulate, a simulator file, not a servers file), its [server "NAME"] sections describe the simulators instead (keys: ae_title, \
            port, host, studies, series, instances, size, seed, from, storage, destinations, \
            omit_move_originator, response_delay, reject, abort_after, never_release, omit_pending, tls_cert, tls_key).
            """)

    @Option(help: "How many simulated PACS (default 1).") var count: Int?
    @Option(help: ArgumentHelp("The first one's port; the others follow (default 11113).", valueName: "P")) var basePort: String?
    @Option(name: .customLong("aet"), help: ArgumentHelp("The first one's AE title; the others get 2, 3, … appended (default SIMPACS).", valueName: "AE"))
    var aeTitle: String?
    @Option(help: "Synthetic studies per simulator (default 2).") var studies: Int?
    @Option(help: "Series per study (default 2).") var series: Int?
    @Option(help: "Instances per series (default 3).") var instances: Int?
    @Option(help: ArgumentHelp("Pixel data bytes per instance (default 524288).", valueName: "BYTES")) var size: Int?
    @Option(help: "Seed of the synthetic studies (default 1; simulator k uses seed + k - 1).") var seed: UInt64?
    @Option(help: ArgumentHelp("Serve the DICOM files under this folder instead of synthetic studies.", valueName: "DIR"))
    var from: String?
    /// `--config FILE` (docs/cli.md) is the simulator file here: simulate reads no servers file.
    @OptionGroup var global: GlobalOptions
    var config: String? { global.config }
    @Option(name: .customLong("destination"), help: ArgumentHelp("A C-MOVE destination (repeatable).", valueName: "AE=HOST:PORT"))
    var destinations: [String] = []
    @Flag(help: "Leave Move Originator AE Title and Message ID out of C-MOVE sub-operations.") var omitMoveOriginator = false
    @Option(help: ArgumentHelp("Store received instances as files under this folder (default: in memory).", valueName: "DIR"))
    var storage: String?
    @Option(help: ArgumentHelp("Wait this long before each response.", valueName: "SECONDS")) var responseDelay: Double?
    @Flag(help: "Reject every association.") var reject = false
    @Option(help: ArgumentHelp("Abort an association when its request N+1 arrives.", valueName: "N")) var abortAfter: Int?
    @Flag(help: "Never release C-MOVE sub-associations.") var neverRelease = false
    @Flag(help: "Send no Pending C-MOVE/C-GET responses, only the final one.") var omitPending = false
    @Option(help: ArgumentHelp("Our TLS certificate (PEM): the ports speak TLS.", valueName: "FILE")) var tlsCert: String?
    @Option(help: ArgumentHelp("Its private key (PEM).", valueName: "FILE")) var tlsKey: String?
    @Flag(help: "Print each operation on stderr.") var log = false
    @Flag(help: "Print what is served as one JSON document.") var json = false

    func validate() throws {
        let setupOptions: [Any?] = [count, basePort, aeTitle, studies, series, instances, size, seed, from]
        if config != nil && setupOptions.contains(where: { $0 != nil }) {
            throw ValidationError("--config describes every simulator: leave out --count, --base-port, --aet, --studies, --series, --instances, --size, --seed and --from")
        }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    func run() async throws {
        let configurations = try makeConfigurations()
        let group = EventLoopGroup()
        let log = self.log
        var running: [(SimulatedPACS, UInt16)] = []
        for configuration in configurations {
            do {
                let pacs = try SimulatedPACS(configuration, group: group) { event in
                    guard log else { return }
                    let line: String = switch event {
                    case .acceptor(let event): "\(configuration.aeTitle): \(event)"
                    case .service(let event): "\(configuration.aeTitle): \(event)"
                    }
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                running.append((pacs, try await pacs.start()))
            } catch {
                FileHandle.standardError.write(Data("pacslink: error: \(configuration.aeTitle) on port \(configuration.port): \(error)\n".utf8))
                for (pacs, _) in running { await pacs.stop() }
                group.shutdown()
                throw ExitCode.failure
            }
        }
        // Written at once, unbuffered: scripts read it while the simulators run.
        let summary: String
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            summary = String(decoding: try encoder.encode(SimulatorsJSON(simulators: running.map { SimulatorJSON($0.0, port: $0.1) })), as: UTF8.self)
        } else {
            summary = running.map { Self.text($0.0, port: $0.1) }.joined(separator: "\n") + "\nServing until interrupted (Ctrl-C)."
        }
        FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        await ListenCommand.waitForTermination()
        for (pacs, _) in running { await pacs.stop() }
        group.shutdown()
    }

    private func makeConfigurations() throws -> [SimulatedPACS.Configuration] {
        do {
            var configurations: [SimulatedPACS.Configuration]
            if let config {
                configurations = try SimulatorSetup.configurations(file: config)
            } else {
                var setup = SimulatorSetup()
                if let count { setup.count = count }
                if let basePort { setup.basePort = try ConfigValue.port(basePort, key: "--base-port") }
                if let aeTitle { setup.aeTitle = aeTitle }
                if let studies { setup.synthetic.studies = try SimulatorSetup.count(String(studies), key: "--studies") }
                if let series { setup.synthetic.seriesPerStudy = try SimulatorSetup.count(String(series), key: "--series") }
                if let instances { setup.synthetic.instancesPerSeries = try SimulatorSetup.count(String(instances), key: "--instances") }
                if let size { setup.synthetic.pixelBytes = try SimulatorSetup.count(String(size), key: "--size") }
                if let seed { setup.synthetic.seed = seed }
                setup.folder = from
                let (made, load) = try setup.configurations()
                for skipped in load?.skipped ?? [] { FileHandle.standardError.write(Data("pacslink: skipped \(skipped)\n".utf8)) }
                configurations = made
            }
            for index in configurations.indices { try apply(to: &configurations[index]) }
            return configurations
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.invalid, "\(error)")
        }
    }

    /// The options that hold for every simulator, file or not.
    private func apply(to configuration: inout SimulatedPACS.Configuration) throws {
        for text in destinations {
            let (aeTitle, destination) = try SimulatedPACS.MoveDestination.parse(text)
            configuration.destinations[aeTitle] = destination
        }
        if omitMoveOriginator { configuration.omitMoveOriginator = true }
        if let storage { configuration.storage = .folder(storage) }
        if let responseDelay {
            configuration.misbehaviour.responseDelay = .milliseconds(Int64(try ConfigValue.seconds(String(responseDelay), key: "--response-delay") * 1000))
        }
        if reject { configuration.misbehaviour.rejectAssociations = true }
        if let abortAfter { configuration.misbehaviour.abortAfterOperations = try SimulatorSetup.count(String(abortAfter), key: "--abort-after") }
        if neverRelease { configuration.misbehaviour.neverReleaseSubAssociations = true }
        if omitPending { configuration.misbehaviour.omitPendingResponses = true }
        if let tlsCert, let tlsKey { configuration.tls = .server(certificateChainFile: tlsCert, privateKeyFile: tlsKey) }
    }

    static func text(_ pacs: SimulatedPACS, port: UInt16) -> String {
        let database = pacs.archive.snapshot
        let configuration = pacs.configuration
        var lines = [
            "\(configuration.aeTitle) on port \(port)\(configuration.tls == nil ? "" : " (TLS)"): \(database.studyCount) studies, "
                + "\(database.seriesCount) series, \(database.instanceCount) instances",
        ]
        let destinations = configuration.destinations.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.host):\($0.value.port)" }
        lines.append("  move destinations: " + (destinations.isEmpty ? "none" : destinations.joined(separator: ", "))
            + (configuration.omitMoveOriginator ? " (Move Originator omitted)" : ""))
        for study in database.studySummaries {
            lines.append("  study \(study.studyInstanceUID)  patient \(study.patientID) \(study.patientName)  "
                + "\(study.series) series, \(study.instances) instances")
        }
        return lines.joined(separator: "\n")
    }
}

private struct SimulatorsJSON: Encodable {
    let simulators: [SimulatorJSON]
}

private struct SimulatorJSON: Encodable {
    struct Study: Encodable {
        let study_instance_uid: String
        let patient_id: String
        let patient_name: String
        let study_description: String
        let series: Int
        let instances: Int
    }

    let ae_title: String
    let port: UInt16
    let tls: Bool
    let destinations: [String: String]
    let omit_move_originator: Bool
    let studies: [Study]

    init(_ pacs: SimulatedPACS, port: UInt16) {
        ae_title = pacs.configuration.aeTitle
        self.port = port
        tls = pacs.configuration.tls != nil
        destinations = pacs.configuration.destinations.mapValues { "\($0.host):\($0.port)" }
        omit_move_originator = pacs.configuration.omitMoveOriginator
        studies = pacs.archive.snapshot.studySummaries.map {
            Study(
                study_instance_uid: $0.studyInstanceUID, patient_id: $0.patientID, patient_name: $0.patientName,
                study_description: $0.studyDescription, series: $0.series, instances: $0.instances)
        }
    }
}
