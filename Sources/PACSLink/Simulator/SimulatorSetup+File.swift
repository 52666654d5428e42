import DICOMTransport
import Foundation

/// The simulator file (`pacslink simulate --config FILE`): the ini layout of the servers files,
/// one `[server "NAME"]` section per simulated PACS (its AE title defaults to NAME):
///
/// ```
/// [server "SIMPACS"]
/// port = 11113                 ; required
/// studies = 2                  ; series = 2, instances = 3, size = 524288, seed = 1
/// from = /data/dicom           ; serve these files instead of synthetic studies
/// storage = /tmp/received      ; store into this folder (default: memory)
/// destinations = PACSLINK=127.0.0.1:11112, OTHER=[::1]:104
/// omit_move_originator = no
/// response_delay = 0.5         ; seconds before each response
/// reject = no                  ; abort_after = N, never_release = no, omit_pending = no
/// tls_cert = cert.pem          ; with tls_key: the port speaks TLS
/// ```
extension SimulatorSetup {
    static let fileKeys = [
        "ae_title", "port", "host", "studies", "series", "instances", "size", "seed", "from", "storage", "destinations",
        "omit_move_originator", "response_delay", "reject", "abort_after", "never_release", "omit_pending", "tls_cert",
        "tls_key",
    ]

    /// The simulators the file at `path` describes, in file order. Throws `RegistryError`
    /// with the position of what is wrong, or `FileError` for a `from` folder that cannot be read.
    public static func configurations(file path: String) throws -> [SimulatedPACS.Configuration] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RegistryError(.io, "\(path): cannot be read: \(error.localizedDescription)")
        }
        let document = try IniDocument(parsing: text, file: path)
        var configurations: [SimulatedPACS.Configuration] = []
        for section in document.sections {
            guard case .server(let name) = section.kind else {
                throw RegistryError(.invalid, "a simulator file has only [server \"NAME\"] sections", at: section.location)
            }
            var setup = SimulatorSetup()
            setup.aeTitle = name
            var port: UInt16?
            var tls: (cert: String?, key: String?) = (nil, nil)
            for entry in section.entries {
                do throws(FieldError) {
                    try setup.apply(entry, port: &port, tls: &tls)
                } catch {
                    throw RegistryError(.invalid, error.description, at: error.isUnknownKey ? entry.keyLocation : entry.valueLocation)
                }
            }
            guard let port else { throw RegistryError(.invalid, "[server \"\(name)\"] has no port", at: section.location) }
            setup.basePort = port
            switch tls {
            case (let cert?, let key?): setup.tls = .server(certificateChainFile: cert, privateKeyFile: key)
            case (nil, nil): break
            default: throw RegistryError(.invalid, "[server \"\(name)\"]: tls_cert and tls_key go together", at: section.location)
            }
            configurations += try setup.configurations().configurations
        }
        return configurations
    }

    private mutating func apply(_ entry: IniDocument.Entry, port: inout UInt16?, tls: inout (cert: String?, key: String?)) throws(FieldError) {
        let key = entry.key, value = entry.value
        switch key {
        case "ae_title": aeTitle = try ConfigValue.text(value, key: key)
        case "port": port = try ConfigValue.port(value, key: key)
        case "host": host = try ConfigValue.text(value, key: key)
        case "studies": synthetic.studies = try Self.count(value, key: key)
        case "series": synthetic.seriesPerStudy = try Self.count(value, key: key)
        case "instances": synthetic.instancesPerSeries = try Self.count(value, key: key)
        case "size": synthetic.pixelBytes = try Self.count(value, key: key)
        case "seed": synthetic.seed = UInt64(try Self.count(value, key: key))
        case "from": folder = try ConfigValue.text(value, key: key)
        case "storage": storage = .folder(try ConfigValue.text(value, key: key))
        case "destinations":
            for item in value.split(separator: ",") {
                let (aeTitle, destination) = try SimulatedPACS.MoveDestination.parse(String(item), key: key)
                destinations[aeTitle] = destination
            }
        case "omit_move_originator": omitMoveOriginator = try ConfigValue.boolean(value, key: key)
        case "response_delay": misbehaviour.responseDelay = .milliseconds(Int64(try ConfigValue.seconds(value, key: key) * 1000))
        case "reject": misbehaviour.rejectAssociations = try ConfigValue.boolean(value, key: key)
        case "abort_after": misbehaviour.abortAfterOperations = try Self.count(value, key: key)
        case "never_release": misbehaviour.neverReleaseSubAssociations = try ConfigValue.boolean(value, key: key)
        case "omit_pending": misbehaviour.omitPendingResponses = try ConfigValue.boolean(value, key: key)
        case "tls_cert": tls.cert = try ConfigValue.text(value, key: key)
        case "tls_key": tls.key = try ConfigValue.text(value, key: key)
        default: throw FieldError.unknownKey(key, expected: Self.fileKeys)
        }
    }

    /// A count or size: a whole number from 0.
    public static func count(_ value: String, key: String) throws(FieldError) -> Int {
        guard let number = Int(value), number >= 0, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError(key: key, "\"\(value)\" is not a count: expected a whole number from 0")
        }
        return number
    }
}
