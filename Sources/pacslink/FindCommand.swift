import ArgumentParser
import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink

/// `pacslink find SERVER --level patient|study|series|image [-k KEY[=VALUE]]… [--model
/// patient|study] [--json]`: a C-FIND to a registered server.
///
/// Without `--json`, each match is printed as it arrives: a tab-separated line of the keys'
/// values (a header line of keywords first), then the final status on stderr. With `--json`,
/// one document after the final response: `{"status", "status_description", "count",
/// "matches": [DICOM JSON (PS3.18 F.2) objects]}`. SIGINT sends C-CANCEL-RQ; the matches so far
/// and the final (cancel) status are still reported, and the exit code is 1.
struct FindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Query a server (C-FIND), printing matches as they arrive.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server's name.") var server: String
    @Option(help: ArgumentHelp("Query/Retrieve level.", valueName: "patient|study|series|image")) var level: String
    @Option(name: .short, help: ArgumentHelp("A key: KEYWORD or gggg,eeee, with =VALUE to match on (repeatable).", valueName: "KEY[=VALUE]"))
    var k: [String] = []
    @Option(help: ArgumentHelp("Information model (default: study, or patient for --level patient).", valueName: "patient|study"))
    var model: String?
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        guard let queryLevel = QueryLevel(name: level) else {
            throw ValidationError("--level \(level): say patient, study, series or image")
        }
        let queryModel: QueryModel
        if let model {
            guard let named = QueryModel(name: model) else { throw ValidationError("--model \(model): say patient or study") }
            queryModel = named
        } else {
            queryModel = queryLevel == .patient ? .patientRoot : .studyRoot
        }
        let identifier: DataSet
        do {
            identifier = try QueryKeys.identifier(level: queryLevel, model: queryModel, keys: k)
        } catch {
            throw RegistryError(.invalid, "\(error)")
        }
        let snapshot = try global.registry.load()
        let entry = try snapshot.server(named: server)
        let target = EchoTarget(entry, local: snapshot.local, defaultTimeout: .seconds(30))
        let columns = identifier.map(\.tag).filter { $0 != .queryRetrieveLevel && $0 != .specificCharacterSet }
        let printer = FindPrinter(columns: columns, json: json)
        printer.header()
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let task = Task { () throws(QueryRetrieveFailure) -> FindSCU.Outcome in
            try await FindSCU.find(target, model: queryModel, identifier: identifier, on: group.next(), onMatch: printer.match)
        }
        let signals = SignalCancellation { task.cancel() }
        let result = await task.result
        signals.stop()
        switch result {
        case .success(let outcome):
            try printer.finish(outcome)
            if !outcome.status.isSuccess { throw ExitCode.failure }
        case .failure(let error):
            FileHandle.standardError.write(Data("pacslink: find failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Prints find results: lines as matches arrive, or the JSON document at the end.
private final class FindPrinter: @unchecked Sendable {
    let columns: [Tag]
    let json: Bool
    private let lock = NSLock()
    private var matches: [JSONValue] = []

    init(columns: [Tag], json: Bool) {
        self.columns = columns
        self.json = json
    }

    func header() {
        guard !json else { return }
        let line = columns.map { DataDictionary.entry(for: $0)?.keyword ?? $0.description }.joined(separator: "\t")
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func match(_ dataSet: DataSet) {
        if json {
            lock.withLock { matches.append(DICOMJSONEncoder.encode(dataSet)) }
        } else {
            let line = columns.map { dataSet.string($0, characterSet: nil) ?? "" }.joined(separator: "\t")
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    func finish(_ outcome: FindSCU.Outcome) throws {
        let status = String(format: "0x%04X", outcome.status.code)
        if json {
            let document = JSONValue.object([
                ("count", .number(String(outcome.matches))), ("matches", .array(lock.withLock { matches })),
                ("status", .string(status)), ("status_description", .string(outcome.statusDescription)),
            ])
            print(document.serialized())
        } else {
            FileHandle.standardError.write(Data("\(outcome.matches) matches; \(outcome.statusDescription)\n".utf8))
        }
    }
}
