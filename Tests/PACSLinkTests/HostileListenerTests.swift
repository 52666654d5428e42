import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import Testing
import TestSupport

/// Hostile peers against the storage listener (issue 9): each bad connection is closed by its
/// own timeout or violation, nothing partial is ever stored under a final name, and a
/// well-behaved peer echoing in parallel keeps succeeding throughout.
@Suite("Hostile peers against the storage listener")
struct HostileListenerTests {
    /// One group for the whole suite (an instance is made per test case; a group each would
    /// leave their loop threads running).
    static let sharedGroup = EventLoopGroup(loopCount: 2, name: "hostile-test")
    var group: EventLoopGroup { Self.sharedGroup }

    /// Runs `attack` while a well-behaved peer echoes; expects every echo to succeed.
    func withEchoLoop(_ listener: HostileListener, _ attack: () async throws -> Void) async rethrows {
        let loop = EchoLoop(listener)
        try await attack()
        let (succeeded, failures) = await loop.finish()
        #expect(failures.isEmpty, "\(failures)")
        #expect(succeeded > 0)
    }

    @Test("PS3.8 9.1.5 slowloris before the A-ASSOCIATE-RQ (one byte every 250 ms) is closed by ARTIM")
    func slowlorisBeforeRQ() async throws {
        let listener = try await HostileListener(group: group)
        let rq = HostilePDU.associateRQ()
        try await withEchoLoop(listener) {
            let peer = try RawPeer(connectingTo: listener.port)
            let sent = await offPool { peer.trickle(rq, interval: 0.25) }
            // ARTIM (1 s) closes it after a handful of bytes, long before the RQ is complete.
            #expect(sent < rq.count / 4, "sent \(sent) of \(rq.count) bytes")
        }
        await listener.acceptor.stop()
    }

    @Test("Slowloris inside an established association (a P-DATA-TF a byte a second) is aborted by the idle timeout (10 s)")
    func slowlorisEstablished() async throws {
        let listener = try await HostileListener(group: group, idle: .seconds(10))
        try await withEchoLoop(listener) {
            let (peer, answer) = try await RawPeer.associated(to: listener.port)
            #expect(answer.first == 0x02, "not an A-ASSOCIATE-AC: \(answer.prefix(10))")
            let command = try CommandSet.encode(CEchoRQ(messageID: 1, affectedSOPClassUID: SOPClass.verification.uid).commandSet)
            let pdu = HostilePDU.pData(context: 3, command: true, last: true, command[...])
            // Each byte arrives well within the idle timeout (10 s), but no PDU ever completes.
            let sent = await offPool { peer.trickle(pdu, interval: 1) }
            #expect(sent < 40 && sent < pdu.count, "sent \(sent) of \(pdu.count) bytes")
        }
        #expect(listener.acceptor.activeAssociations == 0)
        await listener.acceptor.stop()
    }

    @Test("PS3.8 9.3.1 oversize and negative-looking PDU lengths are refused with an A-ABORT before any body is buffered",
          arguments: [UInt32(0xFFFF_FFFF), 0x8000_0000, 0x0100_0000])
    func oversizeLengths(_ length: UInt32) async throws {
        let listener = try await HostileListener(group: group)
        let lengthBytes = withUnsafeBytes(of: length.bigEndian) { Array($0) }
        try await withEchoLoop(listener) {
            // Before the association: an A-ASSOCIATE-RQ header claiming `length`.
            let early = try RawPeer(connectingTo: listener.port)
            early.send([0x01, 0] + lengthBytes + [0, 1, 0, 0])
            let (refused, closed) = await offPool { early.readUntilClosed(timeout: 5) }
            #expect(closed && refused.first == 0x07, "\(refused)")
            // Inside it: a P-DATA-TF header claiming `length`.
            let (peer, answer) = try await RawPeer.associated(to: listener.port)
            #expect(answer.first == 0x02)
            peer.send([0x04, 0] + lengthBytes + [0, 0, 0, 2, 1, 3])
            let (aborted, ended) = await offPool { peer.readUntilClosed(timeout: 5) }
            #expect(ended && aborted.first == 0x07, "\(aborted)")
        }
        await listener.acceptor.stop()
    }

    @Test("PS3.8 9.2 PDUs out of state order are answered with A-ABORT and the connection closed",
          arguments: ["P-DATA before RQ", "A-RELEASE-RP before RQ", "A-ASSOCIATE-AC before RQ", "unknown type before RQ",
                      "second RQ", "A-RELEASE-RP while established", "A-ASSOCIATE-AC while established", "unknown type while established"])
    func outOfOrder(_ name: String) async throws {
        let listener = try await HostileListener(group: group)
        let established = name.hasSuffix("established") || name == "second RQ"
        let pdu: [UInt8] =
            switch name {
            case let name where name.hasPrefix("P-DATA"): HostilePDU.pData(command: true, last: true, [0, 0][...])
            case let name where name.hasPrefix("A-RELEASE-RP"): HostilePDU.releaseRP
            case "second RQ": HostilePDU.associateRQ()
            case let name where name.hasPrefix("A-ASSOCIATE-AC"): [0x02] + HostilePDU.associateRQ().dropFirst()
            default: [0x09, 0, 0, 0, 0, 2, 0, 0]
            }
        try await withEchoLoop(listener) {
            let peer: RawPeer
            if established {
                let (associated, answer) = try await RawPeer.associated(to: listener.port)
                #expect(answer.first == 0x02)
                peer = associated
            } else {
                peer = try RawPeer(connectingTo: listener.port)
            }
            peer.send(pdu)
            let (received, closed) = await offPool { peer.readUntilClosed(timeout: 5) }
            #expect(closed, "\(name): still open")
            #expect(received.first == 0x07, "\(name): \(received.prefix(10))")
        }
        #expect(listener.acceptor.activeAssociations == 0)
        await listener.acceptor.stop()
    }

    @Test("PS3.4 B.2.3 an association aborted (A-ABORT, or the peer vanishing) in the middle of a data set leaves no file",
          arguments: ["A-ABORT", "connection closed"])
    func abortMidDataSet(_ how: String) async throws {
        let listener = try await HostileListener(group: group)
        let instance = SampleInstance(pixelBytes: 2 << 20)
        let dataSet = try instance.encoded()
        try await withEchoLoop(listener) {
            do {
                let (peer, answer) = try await RawPeer.associated(to: listener.port)
                #expect(answer.first == 0x02)
                let command = try CommandSet.encode(CStoreRQ(
                    messageID: 1, affectedSOPClassUID: instance.sopClassUID, affectedSOPInstanceUID: instance.sopInstanceUID).commandSet)
                peer.send(HostilePDU.pData(command: true, last: true, command[...]))
                // Half the data set, in PDVs within the listener's maximum PDU length.
                for start in stride(from: 0, to: dataSet.count / 2, by: 8_000) {
                    peer.send(HostilePDU.pData(command: false, last: false, dataSet[start..<start + 8_000]))
                }
                // The instance is being written (to a hidden temporary file) …
                var partial = false
                for _ in 0..<250 where !partial {
                    partial = !files(under: listener.root.url).isEmpty
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(partial, "nothing was being written")
                // … when the peer goes away (the socket closes at the end of this scope).
                if how == "A-ABORT" { peer.send(HostilePDU.abort) }
                withExtendedLifetime(peer) {}
            }
            var remaining = files(under: listener.root.url)
            for _ in 0..<250 where !remaining.isEmpty {
                #expect(listener.finalFiles.isEmpty, "\(listener.finalFiles)")
                try await Task.sleep(for: .milliseconds(20))
                remaining = files(under: listener.root.url)
            }
            #expect(remaining.isEmpty, "left behind: \(remaining)")
        }
        await listener.acceptor.stop()
    }

    @Test("PS3.8 9.3.4 beyond --max-associations an acceptable RQ gets A-ASSOCIATE-RJ 2/3/2 (local limit exceeded) and the listener carries on")
    func associationFlood() async throws {
        // An idle timeout of 300 s: the held two stay however slow the machine.
        let listener = try await HostileListener(group: group, maximumAssociations: 2, idle: .seconds(300))
        var held: [(RawPeer, [UInt8])] = []
        for _ in 0..<2 { held.append(try await RawPeer.associated(to: listener.port)) }
        #expect(held.allSatisfy { $0.1.first == 0x02 })
        var answers: [[UInt8]] = []
        for _ in 0..<30 { answers.append((try? await RawPeer.associated(to: listener.port))?.1 ?? []) }
        #expect(answers.allSatisfy { $0 == HostilePDU.localLimitExceeded }, "\(answers.filter { $0 != HostilePDU.localLimitExceeded })")
        let refused = await listener.echo()
        #expect(refused.failure?.failureClass == .rejected, "\(String(describing: refused.failure))")
        for (peer, _) in held {
            peer.send(HostilePDU.releaseRQ)
            #expect(await offPool { peer.readPDU(timeout: 20) }.first == 0x06)
        }
        // The places are free again.
        for _ in 0..<3 {
            let echo = await listener.echo()
            #expect(echo.failure == nil, "\(String(describing: echo.failure))")
        }
        await listener.acceptor.stop()
    }

    @Test("Idle connections (no A-ASSOCIATE-RQ) take no association place and are all closed by ARTIM")
    func idleConnections() async throws {
        let listener = try await HostileListener(group: group, maximumAssociations: 2)
        await withEchoLoop(listener) {
            let open = await offPool {
                let idle = (0..<500).compactMap { _ in try? RawPeer(connectingTo: listener.port) }
                return 500 - idle.count + idle.filter { !$0.readUntilClosed(timeout: 10).closed }.count
            }
            #expect(open == 0, "\(open) idle connections still open")
        }
        #expect(listener.acceptor.activeAssociations == 0)
        await listener.acceptor.stop()
    }

    @Test("PS3.4 C.4.2.3.1 a simulator that never releases its C-MOVE sub-association: the listener's idle timeout ends it, the stores are kept")
    func neverReleasedSubAssociation() async throws {
        let listener = try await HostileListener(group: group, idle: .seconds(10))
        let archive = SyntheticStudies(studies: 1, seriesPerStudy: 1, instancesPerSeries: 2, pixelBytes: 1024)
        let study = archive.instance(study: 0, series: 0, instance: 0).dataSet(includingPixelData: false).uid(.studyInstanceUID)!
        let source = try SimulatedPACS(
            .init(
                aeTitle: "SOURCE", host: "127.0.0.1", database: archive.makeDatabase(),
                destinations: [HostileListener.aeTitle: .init(host: "127.0.0.1", port: listener.port)],
                misbehaviour: .init(neverReleaseSubAssociations: true)),
            group: group)
        let port = try await source.start()
        try await withEchoLoop(listener) {
            let association = try await Association.request(
                AssociationRequest(
                    host: "127.0.0.1", port: port, calledAETitle: AETitle("SOURCE"), callingAETitle: AETitle("TESTER"),
                    presentationContexts: AssociationRequest.contexts(
                        abstractSyntaxes: [SOPClass.studyRootMove.uid], transferSyntaxes: [TransferSyntax.implicitVRLittleEndian.uid])),
                on: group.next())
            var identifier = DataSet()
            try identifier.setString("STUDY", for: .queryRetrieveLevel)
            identifier.setUID(study, for: .studyInstanceUID)
            let response = try await association.send(
                CMoveRQ(messageID: 1, affectedSOPClassUID: SOPClass.studyRootMove.uid, moveDestination: HostileListener.aeTitle),
                abstractSyntax: SOPClass.studyRootMove.uid, dataSet: try DataSetEncoder(encoding: .implicitVRLittleEndian).encode(identifier))
            try await association.release()
            guard case .cMoveRSP(let move) = response else { throw Failure("not a C-MOVE-RSP: \(response)") }
            #expect(move.status == .success && move.subOperations.completed == 2)
            #expect(source.heldSubAssociations == 1)
        }
        // The held sub-association is the only one left; the idle timeout (10 s) ends it.
        var active = listener.acceptor.activeAssociations
        for _ in 0..<1_500 where active > 0 {
            try await Task.sleep(for: .milliseconds(20))
            active = listener.acceptor.activeAssociations
        }
        #expect(active == 0)
        #expect(listener.finalFiles.count == 2, "\(listener.finalFiles)")
        await source.stop()
        await listener.acceptor.stop()
    }
}
