import DICOMProtocol
import Foundation
import Testing
import TestSupport

/// `pacslink listen` without `--open` (issue 9, access): each registered server's AE title is
/// let in only from its own host's addresses; an `allowed_callers` title from anywhere.
@Suite("listen access: AE title and address as a pair")
struct HostileAccessInteropTests {
    /// The first byte and, for an A-ASSOCIATE-RJ, result/source/reason of the answer to an RQ
    /// calling `calling`, sent from `source`.
    func answer(port: UInt16, calling: String, from source: String) throws -> [UInt8] {
        let peer = try RawPeer(connectingTo: port, from: source)
        peer.send(PDU.associateRQ(AssociateRQ(
            calledAETitle: AETitle("OURS"), callingAETitle: AETitle(calling),
            presentationContexts: [PresentationContextRQ(id: 1, abstractSyntax: SOPClass.verification.uid,
                                                         transferSyntaxes: [TransferSyntax.implicitVRLittleEndian.uid])],
            userInformation: UserInformation(maximumLength: 16384))).encoded())
        let header = peer.read(6, timeout: 10)
        guard header.first == 0x03 else { return Array(header.prefix(1)) }
        return [0x03] + peer.read(4, timeout: 10).suffix(3)
    }

    @Test("PS3.8 9.3.4 a registered AE title from another registered server's address is rejected 1/1/3; allowed_callers come from anywhere")
    func pairs() throws {
        let home = try TemporaryDirectory(prefix: "listen-access")
        try """
            [local]
            allowed_callers = MODALITY

            [server "one"]
            ae_title = PACS1
            host = 127.0.0.1
            port = 104

            [server "two"]
            ae_title = PACS2
            host = 127.0.0.2
            port = 104
            """.write(to: home.url.appendingPathComponent("user.ini"), atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let listener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", home.path + "/user.ini", "--admin-config", home.path + "/admin.ini", "listen", "--aet", "OURS",
             "--storage", home.path + "/store", "--timeout", "5", "--port", String(port)])
        try listener.waitUntilListening(on: port)
        let refused: [UInt8] = [0x03, 1, 1, 3]
        #expect(try answer(port: port, calling: "PACS1", from: "127.0.0.1") == [0x02])
        #expect(try answer(port: port, calling: "PACS2", from: "127.0.0.2") == [0x02])
        #expect(try answer(port: port, calling: "PACS2", from: "127.0.0.1") == refused)
        #expect(try answer(port: port, calling: "PACS1", from: "127.0.0.2") == refused)
        #expect(try answer(port: port, calling: "MODALITY", from: "127.0.0.3") == [0x02])
        #expect(try answer(port: port, calling: "STRANGER", from: "127.0.0.1") == refused)
        listener.stop()
    }
}
