import DICOMProtocol
import Foundation
import PACSLink
import TestSupport
import Testing

/// A peer in memory: answers contexts by rule, C-STOREs with a status per SOP instance, and
/// records what it received.
final class FakeStorePeer: StoreAssociationOpener, @unchecked Sendable {
    struct Refused: Error, CustomStringConvertible { var description: String }

    private let lock = NSLock()
    var acceptedSyntaxes: Set<String> = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid]
    var supportedClasses: Set<String>? = nil
    var statuses: [String: DIMSEStatus] = [:]
    /// SOP instances whose C-STORE breaks the association (an abort).
    var breaking: Set<String> = []
    var refuseAssociation = false
    /// Called when a store starts (to cancel the sending task in a test).
    var onStore: @Sendable (String) -> Void = { _ in }
    /// The operations window the fake grants (PS3.7 D.3.3.3), and how long a store of these
    /// SOP instances takes (to answer out of order).
    var window = 1
    var delays: [String: Duration] = [:]
    /// C-STOREs answered later, through `start`'s callback, as `AssociationStore` answers them:
    /// a store without a delay answers before `start` returns, a delayed one from a task of its
    /// own; an abort fails the unanswered ones.
    private var unanswered: [Int: @Sendable (Result<CStoreRSP, any Error>) -> Void] = [:]
    private var started = 0
    /// Most C-STOREs seen outstanding at once.
    private(set) var mostInFlight = 0
    private var inFlight = 0
    private(set) var received: [String: [UInt8]] = [:]
    private(set) var opened = 0
    private(set) var aborted = 0
    private(set) var released = 0

    func open(proposing contexts: [PresentationContextRQ]) async throws -> any StoreAssociation {
        try lock.withLock {
            if refuseAssociation { throw Refused(description: "associate with fake failed: rejected") }
            opened += 1
        }
        var answers: [UInt8: PresentationContextAC] = [:]
        for context in contexts {
            let syntax = context.transferSyntaxes[0]
            let result: PresentationContextAC.Result =
                supportedClasses.map { $0.contains(context.abstractSyntax) } == false ? .abstractSyntaxNotSupported
                : acceptedSyntaxes.contains(syntax) ? .acceptance : .transferSyntaxesNotSupported
            answers[context.id] = PresentationContextAC(id: context.id, result: result, transferSyntax: result == .acceptance ? syntax : "")
        }
        return Association(peer: self, answers: answers)
    }

    struct Association: StoreAssociation {
        let peer: FakeStorePeer
        let answers: [UInt8: PresentationContextAC]

        nonisolated(nonsending) func contextResults() async -> [UInt8: PresentationContextAC] { answers }

        /// Small PDUs, so that the tests' data sets go in several fragments.
        nonisolated(nonsending) func peerMaximumLength() async -> UInt32 { 64 }

        nonisolated(nonsending) func operationsWindow() async -> Int { peer.window }

        nonisolated(nonsending) func start(
            _ message: StoreMessage, completion: @escaping @Sendable (Result<CStoreRSP, any Error>) -> Void
        ) async throws {
            let delay = begin(message)
            guard let delay else { return completion(await Self.result { try await answer(message, delay: nil) }) }
            let key = peer.lock.withLock {
                peer.started += 1
                peer.unanswered[peer.started] = completion
                return peer.started
            }
            Task {
                let result = await Self.result { try await answer(message, delay: delay) }
                peer.lock.withLock { peer.unanswered.removeValue(forKey: key) }?(result)
            }
        }

        private static func result(_ body: () async throws -> CStoreRSP) async -> Result<CStoreRSP, any Error> {
            do { return .success(try await body()) } catch { return .failure(error) }
        }

        /// Counts the store in flight and returns its delay.
        private func begin(_ message: StoreMessage) -> Duration? {
            peer.onStore(message.request.affectedSOPInstanceUID)
            return peer.lock.withLock {
                peer.inFlight += 1
                peer.mostInFlight = max(peer.mostInFlight, peer.inFlight)
                return peer.delays[message.request.affectedSOPInstanceUID]
            }
        }

        private func answer(_ message: StoreMessage, delay: Duration?) async throws -> CStoreRSP {
            let request = message.request
            defer { peer.lock.withLock { peer.inFlight -= 1 } }
            if let delay { try await Task.sleep(for: delay) }
            try Task.checkCancellation()
            let bytes = try message.allDataSetBytes()
            let status: DIMSEStatus = try peer.lock.withLock {
                if peer.breaking.contains(request.affectedSOPInstanceUID) { throw Refused(description: "aborted by the peer") }
                peer.received[request.affectedSOPInstanceUID] = bytes
                return peer.statuses[request.affectedSOPInstanceUID] ?? .success
            }
            #expect(answers[message.contextID]?.result == .acceptance)
            return CStoreRSP(
                messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: status,
                errorComment: status.isSuccess ? nil : "from the fake")
        }

        nonisolated(nonsending) func release() async throws { peer.lock.withLock { peer.released += 1 } }
        nonisolated(nonsending) func abort() async {
            let unanswered = peer.lock.withLock {
                peer.aborted += 1
                defer { peer.unanswered = [:] }
                return peer.unanswered.values
            }
            for completion in unanswered { completion(.failure(Refused(description: "aborted"))) }
        }
    }
}

@Suite("Send: StoreSCU (PS3.4 Annex B) over an injected association")
struct StoreSCUTests {
    let dir: TemporaryDirectory
    let explicit: String, implicit: String, jpeg: String, mr: String

    init() throws {
        dir = try TemporaryDirectory()
        explicit = try writePart10(dir, "1.dcm", instance: "1.1", length: 40)
        implicit = try writePart10(dir, "2.dcm", instance: "1.2", transferSyntax: .implicitVRLittleEndian, length: 30)
        jpeg = try writePart10(dir, "3.dcm", instance: "1.3", transferSyntax: .jpegBaseline, length: 20)
        mr = try writePart10(dir, "4.dcm", sopClass: "1.2.840.10008.5.1.4.1.1.4", instance: "1.4", length: 10)
        try Data("hello".utf8).write(to: dir.url.appendingPathComponent("5.txt"))
    }

    @Test("PS3.4 B.2.3 every file stored with its data set bytes as in the file; the non-DICOM file skipped")
    func storesAll() async throws {
        let peer = FakeStorePeer()
        peer.acceptedSyntaxes.insert(TransferSyntax.jpegBaseline.uid)
        let scan = SendScanner.scan([dir.path], recursive: false)
        let report = await StoreSCU(opener: peer).send(scan, associations: 2)
        #expect(report.results.map(\.category) == [.success, .success, .success, .success, .skipped])
        #expect(report.summary.allSent)
        #expect(report.summary.bytesStored == 100)
        #expect(peer.received["1.1"] == [UInt8](repeating: 0x41, count: 40))
        #expect(peer.received["1.3"]?.count == 20)
        #expect(peer.opened == 2 && peer.released == 2 && peer.aborted == 0)
    }

    @Test("PS3.8 9.3.3.2 a refused context fails its files with the peer's reason; no transcoding")
    func refusedContexts() async throws {
        let peer = FakeStorePeer()
        peer.acceptedSyntaxes = [TransferSyntax.implicitVRLittleEndian.uid]
        peer.supportedClasses = ["1.2.840.10008.5.1.4.1.1.2"]
        let report = await StoreSCU(opener: peer).send(SendScanner.scan([explicit, implicit, jpeg, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.category) == [.failure, .success, .failure, .failure])
        #expect(report.results[0].reason == "no accepted presentation context: transfer syntax not supported (Explicit VR Little Endian) — PACSLink does not transcode")
        #expect(report.results[2].reason?.contains("transfer syntax not supported (JPEG Baseline") == true)
        #expect(report.results[3].reason?.hasPrefix("no accepted presentation context: abstract syntax not supported (MR Image Storage") == true)
        #expect(!report.summary.allSent)
    }

    @Test("PS3.4 B.2.3 failure statuses fail with their meaning, warnings are stored with the status")
    func statuses() async throws {
        let peer = FakeStorePeer()
        peer.statuses = ["1.1": DIMSEStatus(code: 0xA700), "1.2": DIMSEStatus(code: 0xB000)]
        let report = await StoreSCU(opener: peer).send(SendScanner.scan([explicit, implicit, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.category) == [.failure, .warning, .success])
        #expect(report.results[0].status?.code == 0xA700)
        #expect(report.results[0].detail.hasPrefix("failed: 0xA700 (failure): "))
        #expect(report.results[0].errorComment == "from the fake")
        #expect(report.results[1].detail.hasPrefix("warning 0xB000 (warning): "))
        #expect(report.summary.count(.warning) == 1)
    }

    @Test("PS3.8 7.3 a C-STORE that breaks the association fails that file; a new association carries the rest")
    func brokenAssociation() async throws {
        let peer = FakeStorePeer()
        peer.breaking = ["1.2"]
        let report = await StoreSCU(opener: peer).send(SendScanner.scan([explicit, implicit, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.category) == [.success, .failure, .success])
        #expect(report.results[1].reason == "aborted by the peer")
        #expect(peer.opened == 2 && peer.aborted == 1 && peer.released == 1)
    }

    @Test("PS3.7 D.3.3.3 with a window, several C-STOREs are outstanding; out-of-order responses reach their files; a failure status stops nothing")
    func window() async throws {
        let peer = FakeStorePeer()
        peer.window = 4
        peer.acceptedSyntaxes.insert(TransferSyntax.jpegBaseline.uid)
        peer.delays = ["1.1": .milliseconds(200)]
        peer.statuses = ["1.2": DIMSEStatus(code: 0xA700), "1.3": DIMSEStatus(code: 0xB000)]
        let report = await StoreSCU(opener: peer).send(
            SendScanner.scan([explicit, implicit, jpeg, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.path) == [explicit, implicit, jpeg, mr])
        #expect(report.results.map(\.category) == [.success, .failure, .warning, .success])
        #expect(report.results[1].status?.code == 0xA700)
        #expect(peer.mostInFlight > 1 && peer.mostInFlight <= 4)
        #expect(peer.received["1.1"] == [UInt8](repeating: 0x41, count: 40))
        #expect(peer.received["1.4"]?.count == 10)
        #expect(peer.opened == 1 && peer.released == 1 && peer.aborted == 0)
    }

    @Test("PS3.8 7.3 with a window, the C-STORE that breaks the association fails alone; the other files are stored")
    func windowBroken() async throws {
        let peer = FakeStorePeer()
        peer.window = 4
        peer.breaking = ["1.2"]
        peer.delays = ["1.1": .milliseconds(100)]
        let report = await StoreSCU(opener: peer).send(SendScanner.scan([explicit, implicit, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.category) == [.success, .failure, .success])
        #expect(report.results[1].reason == "aborted by the peer")
        #expect(peer.aborted >= 1)
    }

    @Test("PS3.10 7 a file the scan did not keep, gone before the send, fails with the reason; the files around it are stored")
    func fileGoneAfterScan() async throws {
        let peer = FakeStorePeer()
        var scan = SendScanner.scan([explicit, implicit, mr], recursive: false)
        for index in scan.entries.indices {
            // As for files over the preload limit or past the budget: read again when sent.
            if case .file(var file) = scan.entries[index] {
                file.preloaded = nil
                scan.entries[index] = .file(file)
            }
        }
        try FileManager.default.removeItem(atPath: implicit)
        let report = await StoreSCU(opener: peer).send(scan, associations: 1)
        #expect(report.results.map(\.category) == [.success, .failure, .success])
        #expect(report.results[1].reason?.contains("No such file") == true, "\(report.results[1].detail)")
        #expect(peer.opened == 1 && peer.released == 1 && peer.aborted == 0)
        #expect(Set(peer.received.keys) == ["1.1", "1.4"])
    }

    @Test("a small file the scan read whole is stored as scanned even if it is gone before the send")
    func preloadedFileGoneAfterScan() async throws {
        let peer = FakeStorePeer()
        let scan = SendScanner.scan([explicit, implicit, mr], recursive: false)
        let expected = Array(try #require(scan.files.first { $0.path == implicit }?.preloadedDataSet))
        try FileManager.default.removeItem(atPath: implicit)
        let report = await StoreSCU(opener: peer).send(scan, associations: 1)
        #expect(report.results.map(\.category) == [.success, .success, .success])
        #expect(peer.received.values.contains(expected))
    }

    @Test("PS3.8 9.3.4 an association that cannot be opened fails its files with the reason")
    func associationRefused() async throws {
        let peer = FakeStorePeer()
        peer.refuseAssociation = true
        let report = await StoreSCU(opener: peer).send(SendScanner.scan([explicit, mr], recursive: false), associations: 1)
        #expect(report.results.map(\.reason) == ["associate with fake failed: rejected", "associate with fake failed: rejected"])
    }

    @Test("PS3.8 7.3 an interrupted send aborts and reports the files not stored (one at a time, and with a window)",
          arguments: [1, 4])
    func interrupted(window: Int) async throws {
        let peer = FakeStorePeer()
        peer.window = window
        let interrupt = Interrupt()
        peer.onStore = { instance in if instance == "1.2" { interrupt.fire() } }
        // The send starts once Ctrl-C is armed: the fake answers at once, and a send that ran
        // ahead of `arm` would store everything before the interrupt could cancel it.
        let (armed, arming) = AsyncStream.makeStream(of: Void.self)
        let task = Task<SendReport, Never>.detached { [explicit, implicit, mr] in
            for await _ in armed { break }
            return await StoreSCU(opener: peer).send(SendScanner.scan([explicit, implicit, mr], recursive: false), associations: 1)
        }
        interrupt.arm { task.cancel() }
        arming.finish()
        let report = await task.value
        #expect(report.results.map(\.category) == [.success, .notSent, .notSent])
        #expect(report.results[1].reason == "interrupted while sending; the peer did not confirm it")
        #expect(peer.aborted >= 1 && peer.released == 0)
        #expect(!report.summary.allSent)
        #expect(report.summary.line.contains("2 not sent (interrupted)"))
    }

    @Test("progress line counts files, bytes and rate")
    func progressLine() {
        var progress = SendProgress(filesTotal: 4, bytesTotal: 4_000_000)
        progress.record(.bytes(2_000_000))
        progress.record(.finished(SendFileResult(path: "x", outcome: .stored(.success, errorComment: nil))))
        #expect(progress.line(elapsed: .seconds(2), width: 10) == "[#####.....]  1/4 files  2.0 MB/4.0 MB  1.0 MB/s")
    }
}

/// Ctrl-C for tests: `fire` cancels through the action given to `arm`, whichever comes first.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var action: (@Sendable () -> Void)?

    func fire() {
        let run = lock.withLock { () -> (@Sendable () -> Void)? in
            fired = true
            return action
        }
        run?()
    }

    func arm(_ action: @escaping @Sendable () -> Void) {
        let runNow = lock.withLock { () -> Bool in
            self.action = action
            return fired
        }
        if runNow { action() }
    }
}
