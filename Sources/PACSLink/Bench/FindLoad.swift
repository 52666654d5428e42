import DICOMProtocol
import DICOMTransport

/// C-FIND load (PS3.4 §C.4.1): one Study Root, study-level query per operation, with
/// universal matching on the Study Instance UID (every study) and the usual return keys
/// (PS3.4 §C.6.2.1.2); each match counts as an item and its identifier's bytes as received.
/// A final status other than Success is a failure of class bad status.
public struct FindLoad: LoadScenario {
    public let name = "find"
    public let itemName: String? = "matches"
    public let associationRequest: AssociationRequest
    private let sopClassUID = QueryModel.studyRoot.findSOPClass.uid
    /// The identifier, encoded in Explicit VR Little Endian (the only syntax proposed).
    private let identifier: [UInt8]

    /// Throws `EchoFailure` `.invalidValue` when an AE title of `target` is not valid.
    public init(_ target: EchoTarget) throws(EchoFailure) {
        var keys = DataSet()
        keys.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: [QueryLevel.study.rawValue]))
        for tag in [Tag.studyInstanceUID, .studyDate, .accessionNumber, .patientName, .patientID, .studyDescription] {
            keys.insert(DataElement(tag: tag, asciiValues: []))
        }
        do {
            identifier = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(keys)
        } catch {
            throw EchoFailure(.invalidValue, phase: "find", message: "cannot encode the identifier: \(error)")
        }
        var request = try EchoSCU.associationRequest(for: target)
        request.presentationContexts = AssociationRequest.contexts(
            abstractSyntaxes: [sopClassUID], transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid])
        associationRequest = request
    }

    public func perform(on association: isolated Association, messageID: UInt16) async -> LoadOutcome {
        let matches = MatchCounter()
        let response: DIMSECommand
        do {
            response = try await association.send(
                CFindRQ(messageID: messageID, affectedSOPClassUID: sopClassUID), abstractSyntax: sopClassUID,
                dataSet: identifier
            ) { _, dataSet in
                guard let dataSet else { return }
                matches.count += 1
                matches.bytes += dataSet.count
            }
        } catch {
            return LoadOutcome(failure: EchoFailure(error, operation: name), bytes: matches.bytes, items: matches.count)
        }
        var outcome = LoadOutcome(bytes: matches.bytes, items: matches.count)
        if case .cFindRSP(let rsp) = response {
            if !rsp.status.isSuccess { outcome.failure = EchoFailure(.badStatus, phase: name, message: rsp.statusDescription) }
        } else {
            outcome.failure = EchoFailure(.other, phase: name, message: "answered with \(response.commandField)")
        }
        return outcome
    }
}
