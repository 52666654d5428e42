import DICOMProtocol
import DICOMTransport
import Synchronization

/// C-STORE load (PS3.4 Annex B): one synthetic instance with `size` bytes of pixel data (see
/// `SyntheticInstance`), made and encoded in Explicit VR Little Endian once, in memory; every
/// operation sends a copy of it under a SOP Instance UID of its own, written over the previous
/// one in place (all UIDs of a run have the same length). Success or a warning status (PS3.4
/// §B.2.3) succeeds; any other status is a failure of class bad status.
public struct StoreLoad: LoadScenario {
    public let name = "store"
    public let associationRequest: AssociationRequest
    /// The instance's SOP Class (Secondary Capture or CT Image Storage).
    public let sopClassUID: String
    /// Bytes of the encoded data set each C-STORE carries.
    public var dataSetLength: Int { encoded.count }
    /// The data set, encoded, with `uidRange` holding its SOP Instance UID's value.
    private let encoded: [UInt8]
    private let uidRange: Range<Int>
    private let uids: InstanceUIDs

    /// Throws `EchoFailure` `.invalidValue` when an AE title of `target` is not valid.
    public init(_ target: EchoTarget, size: Int) throws(EchoFailure) {
        precondition(size >= 0, "an instance size is not negative")
        uids = InstanceUIDs()
        var dataSet = SyntheticStudies(seed: .random(in: 1...UInt64.max), pixelBytes: size)
            .instance(study: 0, series: 0, instance: 0).dataSet()
        sopClassUID = dataSet.string(.sopClassUID) ?? SOPClass.secondaryCaptureImageStorage.uid
        let placeholder = uids.uid(0)
        dataSet.setUID(placeholder, for: .sopInstanceUID)
        do {
            encoded = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(dataSet)
        } catch {
            throw EchoFailure(.invalidValue, phase: "store", message: "cannot encode the synthetic instance: \(error)")
        }
        guard let range = encoded.firstRange(of: Array(placeholder.utf8)) else {
            preconditionFailure("the encoded instance holds its SOP Instance UID")
        }
        uidRange = range
        var request = try EchoSCU.associationRequest(for: target)
        request.presentationContexts = AssociationRequest.contexts(
            abstractSyntaxes: [sopClassUID], transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid])
        associationRequest = request
    }

    public func perform(on association: isolated Association, messageID: UInt16) async -> LoadOutcome {
        let uid = uids.uid(uids.next())
        var dataSet = encoded
        dataSet.replaceSubrange(uidRange, with: uid.utf8)
        let response: DIMSECommand
        do {
            response = try await association.send(
                CStoreRQ(messageID: messageID, affectedSOPClassUID: sopClassUID, affectedSOPInstanceUID: uid),
                abstractSyntax: sopClassUID, dataSet: dataSet)
        } catch {
            return .failed(EchoFailure(error, operation: name))
        }
        guard case .cStoreRSP(let rsp) = response else {
            return .failed(EchoFailure(.other, phase: name, message: "answered with \(response.commandField)"))
        }
        let stored = rsp.status.isSuccess || rsp.status.category == .warning
        return LoadOutcome(
            failure: stored ? nil : EchoFailure(.badStatus, phase: name, message: rsp.statusDescription), bytes: dataSet.count)
    }
}

/// The SOP Instance UIDs of one store run: a random root of this run (PS3.5 §B.2) and a
/// counter of fixed width, so that every UID has the same length.
private final class InstanceUIDs: Sendable {
    private let root = UID.generate()
    private let counter = Atomic<Int>(0)

    /// The number of the next instance, from 1.
    func next() -> Int { counter.add(1, ordering: .relaxed).newValue }

    func uid(_ number: Int) -> String { "\(root).\(1_000_000_000_000 + number)" }
}
