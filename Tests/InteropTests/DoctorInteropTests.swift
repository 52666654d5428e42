import Foundation
import Testing
import TestSupport
import DICOMProtocol
import DICOMTransport
import PACSLink

/// `pacslink doctor` (issue 10) against real peers on loopback: DCMTK's `dcmqrscp` with our AE
/// in its HostTable and without it, a closed port, a black-hole port, `storescp +tls` with a
/// valid, an expiring and an expired certificate, and a `dcmqrscp` whose HostTable sends our
/// AE's instances to a port where nobody listens. Each case checks the verdicts and advice.
@Suite("doctor against DCMTK", .serialized)
struct DoctorInteropTests {
    static let timeout = Duration.seconds(3)

    static func entry(port: UInt16, listenPort: UInt16, aeTitle: String = "QRSCP", extra: [(String, String)] = []) throws -> ServerEntry {
        try ServerEntry(name: "pacs", settings: [
            ("ae_title", aeTitle), ("host", "127.0.0.1"), ("port", String(port)), ("listen_port", String(listenPort)),
        ] + extra)
    }

    static func diagnose(_ entry: ServerEntry, retrieveTest: String? = nil, timeout: Duration = timeout) async -> DoctorReport {
        var local = LocalSettings(environment: [:])
        local.aeTitle = "PACSLINK"
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        return await Doctor.diagnose(entry, local: local, options: DoctorOptions(timeout: timeout, retrieveTestStudy: retrieveTest), group: group)
    }

    static func verdicts(_ report: DoctorReport) -> [DoctorStep.Kind: DoctorVerdict] {
        Dictionary(uniqueKeysWithValues: report.steps.map { ($0.kind, $0.verdict) })
    }

    static func describe(_ report: DoctorReport) -> String {
        report.steps.map { "\($0.kind.rawValue): \($0.verdict.rawValue) — \($0.finding) — \($0.advice ?? "")" }.joined(separator: "\n")
    }

    @Test("PS3.4 C.4.2 dcmqrscp that knows our AE: every step ok, the test instance arrives on our listen port")
    func registered() async throws {
        let listenPort = FreePort.next()
        let archive = try RetrieveTestArchive(destinationPort: listenPort, studies: [[2]])
        try archive.start()
        defer { archive.stop() }
        let report = await Self.diagnose(try Self.entry(port: archive.port, listenPort: listenPort), retrieveTest: archive.instances[0].study)
        let log = Self.describe(report) + "\n" + archive.log
        #expect(Self.verdicts(report) == [
            .resolve: .ok, .connect: .ok, .tls: .skipped, .associate: .ok, .echo: .ok, .find: .ok, .listener: .ok,
            .registration: .ok, .retrieveTest: .ok,
        ], "\(log)")
        #expect(!report.failed)
        let test = try #require(report.step(.retrieveTest))
        #expect(test.finding.contains("arrived on port \(listenPort) from 127.0.0.1 (AE QRSCP)"), "\(log)")
        #expect(test.finding.contains("Explicit VR Little Endian") || test.finding.contains("Implicit VR Little Endian"), "\(log)")
        #expect(report.steps.allSatisfy { $0.advice == nil }, "\(log)")
    }

    @Test("PS3.4 C.4.3 retrieve test by C-GET: the instance arrives on the C-GET association")
    func retrieveTestByGet() async throws {
        let archive = try RetrieveTestArchive(destinationPort: FreePort.next(), studies: [[1, 1]])
        try archive.start()
        defer { archive.stop() }
        let entry = try Self.entry(port: archive.port, listenPort: FreePort.next(), extra: [("retrieve_method", "get")])
        let report = await Self.diagnose(entry, retrieveTest: archive.instances[0].study)
        let log = Self.describe(report) + "\n" + archive.log
        let test = try #require(report.step(.retrieveTest))
        #expect(test.verdict == .ok, "\(log)")
        #expect(test.finding.contains("arrived on the C-GET association"), "\(log)")
        #expect(test.data.contains { $0.0 == "sop_instance_uid" && $0.1 == .string(archive.instances[0].sop) }, "\(log)")
    }

    @Test("PS3.4 C.4.2.1.5 dcmqrscp without our AE in its HostTable: 0xA801 becomes 'register AE, host, port'")
    func unregistered() async throws {
        let listenPort = FreePort.next()
        let archive = try RetrieveTestArchive(destinationAETitle: "SOMEONE", destinationPort: listenPort, studies: [[1]])
        try archive.start()
        defer { archive.stop() }
        let entry = try Self.entry(port: archive.port, listenPort: listenPort)
        // dcmqrscp looks the destination up only when something matches: the probe alone
        // passes, and says it cannot prove more; the retrieve test uncovers 0xA801.
        var report = await Self.diagnose(entry)
        #expect(report.step(.registration)?.verdict == .ok, "\(Self.describe(report))")
        report = await Self.diagnose(entry, retrieveTest: archive.instances[0].study)
        let log = Self.describe(report)
        #expect(Self.verdicts(report)[.associate] == .ok, "\(log)")
        #expect(Self.verdicts(report)[.echo] == .ok, "\(log)")
        let register = "register AE PACSLINK, host 127.0.0.1, port \(listenPort)"
        for kind in [DoctorStep.Kind.registration, .retrieveTest] {
            let step = try #require(report.step(kind))
            #expect(step.verdict == .failed, "\(log)")
            #expect(step.finding.contains("0xA801"), "\(log)")
            #expect(step.advice?.contains(register) == true, "\(log)")
        }
        #expect(report.failed)
    }

    @Test("PS3.8 9.3.4 dcmqrscp admitting only its HostTable peers, our AE not among them: rejection decoded into advice")
    func rejectedCallingAE() async throws {
        let listenPort = FreePort.next()
        let archive = try RetrieveTestArchive(destinationAETitle: "SOMEONE", destinationPort: listenPort, studies: [[1]], peers: "ours")
        try archive.start()
        defer { archive.stop() }
        let report = await Self.diagnose(try Self.entry(port: archive.port, listenPort: listenPort))
        let log = Self.describe(report)
        #expect(Self.verdicts(report) == [
            .resolve: .ok, .connect: .ok, .tls: .skipped, .associate: .failed, .echo: .skipped, .find: .skipped,
            .listener: .ok, .registration: .skipped, .retrieveTest: .skipped,
        ], "\(log)")
        let associate = try #require(report.step(.associate))
        #expect(associate.finding.contains("rejected (permanent)"), "\(log)")
        #expect(associate.data.contains { $0.0 == "rejection" && $0.1 == .string("rejected (permanent): called AE title not recognized (service user)") }, "\(log)")
        #expect(associate.advice?.contains("register AE PACSLINK, host 127.0.0.1, port \(listenPort)") == true, "\(log)")
    }

    @Test("PS3.4 C.4.2 dcmqrscp sending our AE's instances to a dead port: 'accepted the move but could not reach us'")
    func unreachableDestination() async throws {
        let deadPort = FreePort.next()
        let archive = try RetrieveTestArchive(destinationPort: deadPort, studies: [[1]])
        try archive.start()
        defer { archive.stop() }
        let report = await Self.diagnose(
            try Self.entry(port: archive.port, listenPort: FreePort.next()), retrieveTest: archive.instances[0].study)
        let log = Self.describe(report) + "\n" + archive.log
        let test = try #require(report.step(.retrieveTest))
        #expect(test.verdict == .failed, "\(log)")
        #expect(test.finding.contains("accepted the move"), "\(log)")
        #expect(test.finding.contains("could not reach us"), "\(log)")
        #expect(test.advice?.contains("firewall") == true, "\(log)")
        #expect(test.advice?.contains("register AE PACSLINK") == true, "\(log)")
    }

    @Test("closed port: TCP connect fails as refused, the remote steps are skipped, our listener is still checked")
    func closedPort() async throws {
        let report = await Self.diagnose(try Self.entry(port: FreePort.next(), listenPort: FreePort.next()))
        let log = Self.describe(report)
        #expect(Self.verdicts(report) == [
            .resolve: .ok, .connect: .failed, .tls: .skipped, .associate: .skipped, .echo: .skipped, .find: .skipped,
            .listener: .ok, .registration: .skipped, .retrieveTest: .skipped,
        ], "\(log)")
        #expect(report.step(.connect)?.advice?.contains("Nothing accepts connections on port") == true, "\(log)")
    }

    @Test("black-hole port: TCP connect times out and the advice names a firewall")
    func blackHolePort() async throws {
        let listener = try FullBacklogListener()
        defer { listener.close() }
        let start = ContinuousClock.now
        let report = await Self.diagnose(try Self.entry(port: listener.port, listenPort: FreePort.next()), timeout: .seconds(1))
        let log = Self.describe(report)
        #expect(ContinuousClock.now - start < .seconds(5))
        let connect = try #require(report.step(.connect))
        #expect(connect.verdict == .failed, "\(log)")
        #expect(connect.advice?.contains("firewall") == true, "\(log)")
        #expect(report.step(.associate)?.verdict == .skipped)
    }

    @Test("our listen port held by a running PACSLink listener is ok; held by storescp it fails with advice")
    func listenPortHolders() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let storage = try TemporaryDirectory(prefix: "doctor-listen")
        let ours = try StorageListener.make(
            addresses: [.init(port: FreePort.next())], aeTitle: "PACSLINK", store: InstanceStore(layout: StorageLayout(root: storage.url)),
            coordinator: RetrieveCoordinator(), group: group)
        let bound = try await ours.start()
        var report = await Self.diagnose(try Self.entry(port: FreePort.next(), listenPort: bound[0].port))
        await ours.stop()
        #expect(report.step(.listener)?.verdict == .ok, "\(Self.describe(report))")
        #expect(report.step(.listener)?.finding.contains("held by a running PACSLink listener") == true, "\(Self.describe(report))")

        let port = FreePort.next()
        let other = try ChildProcess(try DCMTK.tool("storescp"), ["--aetitle", "OTHER", String(port)])
        defer { other.stop() }
        try other.waitUntilListening(on: port)
        report = await Self.diagnose(try Self.entry(port: FreePort.next(), listenPort: port))
        let listener = try #require(report.step(.listener))
        #expect(listener.verdict == .failed, "\(Self.describe(report))")
        #expect(listener.finding.contains("held by another program"), "\(Self.describe(report))")
        #expect(listener.advice?.contains("--listen-port N") == true, "\(Self.describe(report))")
    }

    /// `storescp +tls` with `certificates`, trusted through its own certificate as CA.
    func tlsReport(_ certificates: (certificate: String, key: String), trusted: Bool = true) async throws -> DoctorReport {
        let port = FreePort.next()
        let scp = try ChildProcess(try DCMTK.tool("storescp"), [
            "--aetitle", "STORESCP", "+tls", certificates.key, certificates.certificate, "-ic", String(port),
        ])
        defer { scp.stop() }
        try scp.waitUntilListening(on: port)
        return await Self.diagnose(try Self.entry(
            port: port, listenPort: FreePort.next(), aeTitle: "STORESCP",
            extra: [("tls", "yes")] + (trusted ? [("tls_ca", certificates.certificate)] : [])))
    }

    @Test("PS3.15 B.1 storescp +tls with a valid certificate: TLS ok with protocol and expiry; storescp offers no C-FIND")
    func validCertificate() async throws {
        let certificates = try DoctorCertificates(days: 365)
        let report = try await tlsReport((certificates.certificate, certificates.key))
        let log = Self.describe(report)
        let tls = try #require(report.step(.tls))
        #expect(tls.verdict == .ok, "\(log)")
        #expect(tls.finding.contains("TLSv1."), "\(log)")
        #expect(tls.data.contains { $0.0 == "days_until_expiry" && ($0.1 == .number("364") || $0.1 == .number("365")) }, "\(log)")
        #expect(Self.verdicts(report)[.associate] == .ok, "\(log)")
        #expect(Self.verdicts(report)[.echo] == .ok, "\(log)")
        #expect(report.step(.find)?.advice?.contains("does not offer Study Root C-FIND") == true, "\(log)")
    }

    @Test("PS3.15 B.1 storescp +tls with a certificate expiring in days: TLS warning, renew before then")
    func expiringCertificate() async throws {
        let certificates = try DoctorCertificates(days: 5)
        let report = try await tlsReport((certificates.certificate, certificates.key))
        let log = Self.describe(report)
        let tls = try #require(report.step(.tls))
        #expect(tls.verdict == .warning, "\(log)")
        #expect(tls.advice?.contains("renew") == true, "\(log)")
        #expect(Self.verdicts(report)[.associate] == .ok, "\(log)")
    }

    @Test("PS3.15 B.1 storescp +tls with a certificate no trusted CA signed: TLS failed, ask for the CA certificate")
    func untrustedCertificate() async throws {
        let certificates = try DoctorCertificates(days: 365)
        let report = try await tlsReport((certificates.certificate, certificates.key), trusted: false)
        let log = Self.describe(report)
        let tls = try #require(report.step(.tls))
        #expect(tls.verdict == .failed, "\(log)")
        #expect(tls.finding.contains("the chain does not verify (self-signed certificate)"), "\(log)")
        #expect(tls.advice?.contains("--tls-ca FILE") == true, "\(log)")
        #expect(Self.verdicts(report)[.associate] == .skipped, "\(log)")
    }

    @Test("PS3.15 B.1 storescp +tls with an expired certificate: TLS failed, ask to renew it; later steps skipped")
    func expiredCertificate() async throws {
        let certificates = try DoctorCertificates(days: -1)
        let report = try await tlsReport((certificates.certificate, certificates.key))
        let log = Self.describe(report)
        let tls = try #require(report.step(.tls))
        #expect(tls.verdict == .failed, "\(log)")
        #expect(tls.finding.contains("expired on"), "\(log)")
        #expect(tls.advice?.contains("renew the server certificate") == true, "\(log)")
        #expect(Self.verdicts(report)[.associate] == .skipped, "\(log)")
        #expect(Self.verdicts(report)[.listener] == .ok, "\(log)")
    }

    @Test("pacslink doctor prints the table with advice under it, --json every step, and exits 1 when a step failed")
    func commandLine() throws {
        let home = try TemporaryDirectory(prefix: "doctor-cli")
        let closed = FreePort.next()
        let user = home.url.appendingPathComponent("user.ini")
        try "[server \"pacs\"]\nae_title = QRSCP\nhost = 127.0.0.1\nport = \(closed)\nlisten_port = \(FreePort.next())\n"
            .write(to: user, atomically: true, encoding: .utf8)
        let options = ["--config", user.path, "--admin-config", home.path + "/admin.ini"]
        var run = try ChildProcess.run(try BuiltProducts.pacslink(), options + ["doctor", "pacs", "--timeout", "2"], timeout: 30)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("TCP connect         failed"), "\(run.stdout)")
        #expect(run.stdout.contains("Advice:\n2. TCP connect: Nothing accepts connections"), "\(run.stdout)")
        run = try ChildProcess.run(try BuiltProducts.pacslink(), options + ["doctor", "pacs", "--timeout", "2", "--json"], timeout: 30)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == DoctorStep.Kind.allCases.map(\.rawValue))
        #expect(steps[1]["verdict"] as? String == "failed")
        #expect(document["failed"] as? Bool == true)
    }
}
