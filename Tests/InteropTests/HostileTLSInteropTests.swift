import DICOMProtocol
import Foundation
import Testing
import TestSupport

/// `pacslink listen --tls-port` against hostile peers (issue 9): garbage, a plain DICOM
/// A-ASSOCIATE-RQ, a truncated ClientHello and a silent connection each end only their own
/// connection (within the 1 s timeout for the silent one) while `echoscu +tls` keeps
/// succeeding; and nothing secret — the private key, a User Identity passcode — ever reaches
/// the listener's output.
@Suite("Hostile peers against a TLS listener, and secrets in its output", .serialized)
struct HostileTLSInteropTests {
    let directory: TemporaryDirectory
    let certificates: EchoTLSCertificates
    let tlsPort = FreePort.next()
    let plainPort = FreePort.next()
    let listener: ChildProcess

    init() throws {
        directory = try TemporaryDirectory(prefix: "hostile-tls")
        certificates = try EchoTLSCertificates()
        listener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/user.ini", "--admin-config", directory.path + "/admin.ini", "listen", "--json",
             "--tls-port", String(tlsPort), "--port", String(plainPort), "--aet", "OURS", "--open", "--storage", directory.path,
             "--tls-cert", certificates.certificate("server"), "--tls-key", certificates.key("server"), "--timeout", "1"])
        try listener.waitUntilListening(on: tlsPort)
    }

    func echoscuTLS() throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(try DCMTK.tool("echoscu"), [
            "-aet", "ECHOSCU", "-aec", "OURS", "+tls", certificates.key("client"), certificates.certificate("client"),
            "+cf", certificates.certificate("server"), "localhost", String(tlsPort),
        ], timeout: 30)
    }

    @Test("PS3.15 B.1 TLS garbage, a plain A-ASSOCIATE-RQ, a truncated ClientHello and silence on the TLS port end only that connection",
          arguments: ["garbage", "plain A-ASSOCIATE-RQ", "truncated ClientHello", "silence"])
    func garbage(_ name: String) throws {
        let bytes: [UInt8] =
            switch name {
            case "garbage": (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
            case "plain A-ASSOCIATE-RQ":
                PDU.associateRQ(AssociateRQ(
                    calledAETitle: AETitle("OURS"), callingAETitle: AETitle("PLAIN"), presentationContexts: [],
                    userInformation: UserInformation(maximumLength: 16384))).encoded()
            // A TLS record header announcing a 512-byte handshake, then a ClientHello that stops.
            case "truncated ClientHello": [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + [UInt8](repeating: 0x42, count: 20)
            default: []
            }
        let hostile = try RawPeer(connectingTo: tlsPort)
        hostile.send(bytes)
        let run = try echoscuTLS()
        #expect(run.status == 0, "\(name): \(run.stdout)\(run.stderr)")
        let (received, closed) = hostile.readUntilClosed(timeout: 10)
        #expect(closed, "\(name): still open")
        // No DICOM PDU ever goes out before the handshake (an alert record at most).
        #expect(received.first.map { $0 == 0x15 || $0 == 0x16 } ?? true, "\(name): \(received.prefix(8))")
        #expect(try echoscuTLS().status == 0)
        listener.stop()
    }

    @Test("Secrets never reach the log: not the private key, nor a User Identity passcode (PS3.7 D.3.3.7)")
    func noSecretsInOutput() throws {
        let passcode = "hunter2-\(UUID().uuidString)"
        let rq = AssociateRQ(
            calledAETitle: AETitle("OURS"), callingAETitle: AETitle("SNEAKY"),
            presentationContexts: [PresentationContextRQ(id: 1, abstractSyntax: SOPClass.verification.uid,
                                                         transferSyntaxes: [TransferSyntax.implicitVRLittleEndian.uid])],
            userInformation: UserInformation(
                maximumLength: 16384, implementationClassUID: "1.2.3",
                userIdentityRQ: .username("alice", passcode: passcode)))
        let peer = try RawPeer(connectingTo: plainPort)
        peer.send(PDU.associateRQ(rq).encoded())
        #expect(peer.read(1, timeout: 10).first == 0x02)
        peer.send(PDU.abort(AAbort(source: .serviceUser)).encoded())
        #expect(try echoscuTLS().status == 0)
        listener.stop()
        let output = listener.stdout + listener.stderr
        #expect(output.contains("SNEAKY"), "the association was not logged at all: \(output)")
        #expect(!output.contains(passcode))
        let key = try String(contentsOfFile: certificates.key("server"), encoding: .utf8)
        let keyLines = key.split(separator: "\n").filter { !$0.hasPrefix("-----") && $0.count > 16 }
        #expect(!keyLines.isEmpty)
        for line in keyLines { #expect(!output.contains(line)) }
        #expect(!output.contains("PRIVATE KEY"))
    }
}
