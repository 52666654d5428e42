import DICOMProtocol
import DICOMTransport
import Foundation
import PACSLink
import Testing
import TestSupport

/// Who may store into the listener, and what a peer's strings may reach (issue 9, access):
/// the allow-list matches calling AE title and address as a pair; network-supplied UIDs never
/// become paths unless they are UIDs; TLS to a server marked TLS verifies its certificate
/// unless the entry says otherwise.
@Suite("Hostile peers: access control and network-supplied strings")
struct HostileAccessTests {
    /// One group for the whole suite (an instance is made per test case).
    static let sharedGroup = EventLoopGroup(loopCount: 1, name: "hostile-access-test")
    var group: EventLoopGroup { Self.sharedGroup }
    static let callers = [
        AllowedCaller(aeTitle: AETitle("PACS1"), hosts: ["127.0.0.1"]),
        AllowedCaller(aeTitle: AETitle("PACS2"), hosts: ["127.0.0.2", "::1"]),
        AllowedCaller(aeTitle: AETitle("MODALITY")),
        AllowedCaller(aeTitle: AETitle("NOWHERE"), hosts: []),
    ]

    @Test("PS3.8 9.3.4 the allow-list matches calling AE title and peer address as a pair", arguments: [
        ("PACS1", "127.0.0.1", true), ("PACS1", "127.0.0.2", false), ("PACS2", "127.0.0.2", true), ("PACS2", "::1", true),
        ("PACS2", "127.0.0.1", false), ("MODALITY", "10.1.2.3", true), ("NOWHERE", "127.0.0.1", false),
        ("STRANGER", "127.0.0.1", false),
    ])
    func pairs(_ calling: String, _ host: String, _ allowed: Bool) {
        let policy = AcceptancePolicy(aeTitles: [AETitle("OURS")], allowedCallers: Self.callers)
        let rq = AssociateRQ(
            calledAETitle: AETitle("OURS"), callingAETitle: AETitle(calling), presentationContexts: [],
            userInformation: UserInformation())
        let rejection = policy.rejection(of: rq, peerHost: host)
        if allowed {
            #expect(rejection == nil)
        } else {
            #expect(rejection == AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.callingAETitleNotRecognized)))
        }
    }

    @Test("PS3.8 9.3.4 through the listener: a registered AE title from another server's address is refused 1/1/3")
    func pairsOverTheNetwork() async throws {
        let listener = try await HostileListener(group: group, allowedCallers: Self.callers)
        let (_, fromHome) = try await RawPeer.associated(to: listener.port, calling: "PACS1", from: "127.0.0.1")
        #expect(fromHome.first == 0x02, "\(fromHome.prefix(10))")
        let (_, fromElsewhere) = try await RawPeer.associated(to: listener.port, calling: "PACS1", from: "127.0.0.2")
        #expect(fromElsewhere == HostilePDU.callingAETitleNotRecognized)
        let (_, impostor) = try await RawPeer.associated(to: listener.port, calling: "PACS2", from: "127.0.0.1")
        #expect(impostor == HostilePDU.callingAETitleNotRecognized)
        await listener.acceptor.stop()
    }

    @Test("PS3.5 9.1 `../` and absurd UIDs in a C-STORE never reach a path: failure status, nothing written anywhere",
          arguments: [
              ("../../../../tmp", "study"), ("..", "series"), ("1.2/../../3", "sop"), (String(repeating: "9", count: 300), "sop"),
              ("1.2.3\u{0}/x", "study"), ("/etc/passwd", "sop"), ("1.2.3.4.5\\..", "series"),
          ])
    func hostileUIDs(_ bad: String, _ field: String) async throws {
        let listener = try await HostileListener(group: group)
        var instance = SampleInstance()
        switch field {
        case "study": instance.studyInstanceUID = bad
        case "series": instance.seriesInstanceUID = bad
        default: instance.sopInstanceUID = bad
        }
        let association = try await Association.request(
            AssociationRequest(
                host: "127.0.0.1", port: listener.port, calledAETitle: AETitle(HostileListener.aeTitle), callingAETitle: AETitle("TESTER"),
                presentationContexts: AssociationRequest.contexts(
                    abstractSyntaxes: [instance.sopClassUID], transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid])),
            on: group.next())
        let response = try await association.send(
            CStoreRQ(messageID: 1, affectedSOPClassUID: instance.sopClassUID, affectedSOPInstanceUID: instance.sopInstanceUID),
            abstractSyntax: instance.sopClassUID, dataSet: try instance.encoded())
        try await association.release()
        guard case .cStoreRSP(let store) = response else { throw Failure("not a C-STORE-RSP: \(response)") }
        #expect(store.status.category == .failure, "\(store.status)")
        #expect(files(under: listener.root.url).isEmpty, "\(files(under: listener.root.url))")
        for escaped in ["/etc/passwd.dcm", "/tmp.dcm", listener.root.path + "/3.dcm"] {
            #expect(!FileManager.default.fileExists(atPath: escaped))
        }
        await listener.acceptor.stop()
    }

    @Test("PS3.15 B.1 a server marked TLS is verified by default: its certificate is checked against the CA or system store")
    func tlsVerifiedByDefault() throws {
        let entry = try ServerEntry(name: "secure", settings: [
            ("ae_title", "SECURE"), ("host", "pacs.example.org"), ("port", "2762"), ("tls", "yes"),
        ])
        let target = EchoTarget(entry, local: LocalSettings(environment: [:]), defaultTimeout: .seconds(5))
        #expect(target.tls?.verifyPeer == true)
        let optedOut = try ServerEntry(name: "lab", settings: [
            ("ae_title", "LAB"), ("host", "lab.example.org"), ("port", "2762"), ("tls", "yes"), ("verify_certificate", "no"),
        ])
        #expect(EchoTarget(optedOut, local: LocalSettings(environment: [:]), defaultTimeout: .seconds(5)).tls?.verifyPeer == false)
    }
}
