import DICOMProtocol
import DICOMTransport
import Dispatch
import Foundation
import PACSLink
import Synchronization
import TestSupport

/// A `StorageListener` on 127.0.0.1 with a short ARTIM (1 s), storing under `root/store`: the
/// target of the hostile-peer tests. The idle timeout stays long (30 s), and 10 s where a test
/// is about it: a short one aborts well-behaved peers that a loaded machine (the whole suite,
/// sanitizers, other builds) delays between PDUs for seconds.
struct HostileListener: Sendable {
    static let aeTitle = "OURS"
    let group: EventLoopGroup
    let root: TemporaryDirectory
    let acceptor: MultiplexedAcceptor
    let port: UInt16

    init(
        group: EventLoopGroup, maximumAssociations: Int = 64, allowedCallers: [AllowedCaller]? = nil,
        idle: Duration = .seconds(30)
    ) async throws {
        self.group = group
        root = try TemporaryDirectory(prefix: "hostile")
        // The storage root is a folder inside the temporary one, so files under `root` include
        // any written beside the storage root.
        let store = InstanceStore(layout: StorageLayout(root: root.url.appendingPathComponent("store")))
        acceptor = try StorageListener.make(
            addresses: [.init(host: "127.0.0.1", port: 0)], aeTitle: Self.aeTitle, open: allowedCallers == nil,
            allowedCallers: allowedCallers, store: store, coordinator: RetrieveCoordinator(),
            maximumAssociations: maximumAssociations, timeouts: Self.shortTimeouts(idle: idle), group: group)
        port = try await acceptor.start()[0].port
    }

    /// Short enough for hostile peers to be cut off within a test; `idle` the acceptor's idle
    /// timeout.
    static func shortTimeouts(idle: Duration) -> AssociationTimeouts {
        AssociationTimeouts(
            connect: .seconds(5), associate: .seconds(5), dimse: .seconds(5), release: .seconds(5), artim: .seconds(1),
            idle: idle)
    }

    /// One C-ECHO from a well-behaved peer (our own SCU), as `calling`.
    func echo(calling: String = "GOOD") async -> EchoResult {
        await EchoSCU.echo(
            EchoTarget(host: "127.0.0.1", port: port, calledAETitle: Self.aeTitle, callingAETitle: calling, timeout: .seconds(10)),
            on: group.next())
    }

    /// Files under the storage root whose name is final (not a hidden temporary `.….partial`).
    var finalFiles: [String] {
        files(under: root.url).filter { !($0.split(separator: "/").last ?? "").hasPrefix(".") }
    }
}

/// A well-behaved peer C-ECHOing the listener over and over while a test misbehaves; `finish`
/// stops it and returns how many echoes succeeded and the failures.
final class EchoLoop: Sendable {
    private final class Flag: Sendable { let stop = Atomic<Bool>(false) }
    private let flag: Flag
    private let task: Task<(succeeded: Int, failures: [String]), Never>

    init(_ listener: HostileListener) {
        let flag = Flag()
        self.flag = flag
        task = Task {
            var succeeded = 0
            var failures: [String] = []
            while !flag.stop.load(ordering: .relaxed) {
                let result = await listener.echo()
                if let failure = result.failure { failures.append("\(failure)") } else { succeeded += 1 }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return (succeeded, failures)
        }
    }

    func finish() async -> (succeeded: Int, failures: [String]) {
        flag.stop.store(true, ordering: .relaxed)
        return await task.value
    }
}

/// Runs blocking socket work (a `RawPeer`'s sleeps and polls) on a thread of its own, not on
/// Swift's small cooperative pool or Dispatch's, which the listener's clients need meanwhile.
func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// Raw PDUs for hostile peers, built with the production encoders (PS3.8 §9.3).
enum HostilePDU {
    static let storageClass = "1.2.840.10008.5.1.4.1.1.7"

    /// An A-ASSOCIATE-RQ proposing Secondary Capture (context 1) and Verification (context 3),
    /// Explicit VR Little Endian.
    static func associateRQ(calling: String = "HOSTILE", called: String = HostileListener.aeTitle) -> [UInt8] {
        let request = AssociationRequest(
            host: "127.0.0.1", port: 1, calledAETitle: AETitle(called), callingAETitle: AETitle(calling),
            presentationContexts: AssociationRequest.contexts(
                abstractSyntaxes: [storageClass, SOPClass.verification.uid],
                transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid]))
        return PDU.associateRQ(request.associateRQ).encoded()
    }

    /// One P-DATA-TF with one PDV on `context`.
    static func pData(context: UInt8 = 1, command: Bool, last: Bool, _ data: ArraySlice<UInt8>) -> [UInt8] {
        PDU.pDataTF(PDataTF(pdvs: [
            PresentationDataValue(presentationContextID: context, isCommand: command, isLastFragment: last, data: data),
        ])).encoded()
    }

    static let releaseRQ: [UInt8] = PDU.releaseRQ.encoded()
    static let releaseRP: [UInt8] = PDU.releaseRP.encoded()
    static let abort: [UInt8] = PDU.abort(AAbort(source: .serviceUser)).encoded()
    /// The A-ASSOCIATE-RJ "rejected-transient, service-provider (presentation), local limit
    /// exceeded" (PS3.8 Table 9-21: result 2, source 3, reason 2).
    static let localLimitExceeded: [UInt8] = [0x03, 0, 0, 0, 0, 4, 0, 2, 3, 2]
    /// The A-ASSOCIATE-RJ "rejected-permanent, service-user, calling AE title not recognized"
    /// (result 1, source 1, reason 3).
    static let callingAETitleNotRecognized: [UInt8] = [0x03, 0, 0, 0, 0, 4, 0, 1, 1, 3]
}

extension RawPeer {
    /// Connects, sends an A-ASSOCIATE-RQ and reads the answer's whole PDU; returns its bytes.
    static func associated(
        to port: UInt16, calling: String = "HOSTILE", from source: String = "127.0.0.1"
    ) async throws -> (RawPeer, [UInt8]) {
        let peer = try RawPeer(connectingTo: port, from: source)
        peer.send(HostilePDU.associateRQ(calling: calling))
        return (peer, await offPool { peer.readPDU(timeout: 20) })
    }

    /// Reads one whole PDU (header and body), or what arrived before `timeout` or the close.
    func readPDU(timeout: Double) -> [UInt8] {
        let header = read(6, timeout: timeout)
        guard header.count == 6 else { return header }
        let length = header[2...5].reduce(0) { $0 << 8 | Int($1) }
        return header + read(length, timeout: timeout)
    }
}
