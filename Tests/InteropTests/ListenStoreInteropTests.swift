import DICOMProtocol
import Foundation
import Testing
import TestSupport

/// `pacslink listen` as a Storage SCP for DCMTK's `storescu` (issue 5): unsolicited stores land
/// byte-identical under `ReceivedFiles/<Study>/<Series>/<SOP>.dcm` with one JSON event each;
/// only registered servers' AE titles may store unless `--open`; over TLS with a required
/// client certificate, a trusted one stores and an untrusted one is refused.
@Suite("listen as storage SCP against storescu", .serialized)
struct ListenStoreInteropTests {
    func listen(_ home: TemporaryDirectory, _ arguments: [String], port: UInt16) throws -> ChildProcess {
        let child = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", home.path + "/user.ini", "--admin-config", home.path + "/admin.ini", "listen", "--aet", "OURS",
             "--storage", home.path + "/store", "--json", "--timeout", "5"] + arguments)
        try child.waitUntilListening(on: port)
        return child
    }

    func events(_ stdout: String) -> [[String: String]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
    }

    @Test("PS3.4 B.2 storescu into listen: every instance stored byte-identical under ReceivedFiles/, one stored event each (--io buffered and direct)",
          arguments: ["buffered", "direct"])
    func unsolicitedStores(io: String) throws {
        let archive = try RetrieveTestArchive(destinationPort: 1, studies: [[2, 1]])
        let home = try TemporaryDirectory(prefix: "listen-store")
        let port = FreePort.next()
        let listener = try listen(home, ["--port", String(port), "--open", "--io", io], port: port)
        let run = try ChildProcess.run(
            DCMTK.tool("storescu"), ["-aet", "STORESCU", "-aec", "OURS", "127.0.0.1", String(port)] + archive.instances.map { archive.url(of: $0).path },
            timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        listener.stop()
        let stored = events(listener.stdout).filter { $0["event"] == "stored" }
        #expect(Set(stored.compactMap { $0["sop_instance_uid"] }) == Set(archive.instances.map(\.sop)), "\(listener.stdout)")
        for instance in archive.instances {
            let file = home.path + "/store/ReceivedFiles/\(instance.study)/\(instance.series)/\(instance.sop).dcm"
            #expect(try RetrieveInteropTests.dataSetDump(file) == RetrieveInteropTests.dataSetDump(archive.url(of: instance).path))
        }
    }

    @Test("PS3.4 B.2 a 4 MB instance (hundreds of PDVs) is streamed to disk and stored with the exact data set bytes (--io buffered and direct)",
          arguments: ["buffered", "direct"])
    func largeInstance(io: String) throws {
        let home = try TemporaryDirectory(prefix: "listen-store")
        var dataSet = DataSet()
        let (study, series, sop) = ("1.2.826.0.1.3680043.9.6.1", "1.2.826.0.1.3680043.9.6.1.1", "1.2.826.0.1.3680043.9.6.1.1.1")
        dataSet.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
        dataSet.setUID(sop, for: .sopInstanceUID)
        dataSet.setUID(study, for: .studyInstanceUID)
        dataSet.setUID(series, for: .seriesInstanceUID)
        dataSet.insert(DataElement(tag: .pixelData, vr: .OB, bytes: (0..<4_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }))
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(dataSet)
        let meta = try FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: sop,
            transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid).encoded()
        let source = home.url.appendingPathComponent("large.dcm")
        try Data(meta + bytes).write(to: source)
        let port = FreePort.next()
        let listener = try listen(home, ["--port", String(port), "--open", "--io", io], port: port)
        let run = try ChildProcess.run(
            DCMTK.tool("storescu"), ["-xe", "-aet", "STORESCU", "-aec", "OURS", "127.0.0.1", String(port), source.path], timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        listener.stop()
        let received = try Data(contentsOf: URL(fileURLWithPath: home.path + "/store/ReceivedFiles/\(study)/\(series)/\(sop).dcm"))
        #expect(received.count > bytes.count)
        #expect(Array(received.suffix(bytes.count)) == bytes)
    }

    @Test("PS3.8 9.3.4 listen without --open: a registered server's AE stores, any other calling AE is rejected")
    func accessPolicy() throws {
        let archive = try RetrieveTestArchive(destinationPort: 1, studies: [[1]])
        let home = try TemporaryDirectory(prefix: "listen-store")
        try "[server \"pacs\"]\nae_title = PACS1\nhost = 127.0.0.1\nport = 104\n".write(
            to: home.url.appendingPathComponent("user.ini"), atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let listener = try listen(home, ["--port", String(port)], port: port)
        let file = archive.url(of: archive.instances[0]).path
        let storescu = try DCMTK.tool("storescu")
        var run = try ChildProcess.run(storescu, ["-aet", "STRANGER", "-aec", "OURS", "127.0.0.1", String(port), file], timeout: 60)
        #expect(run.status != 0 || run.stderr.contains("Rejected"), "\(run.stdout)\(run.stderr)")
        run = try ChildProcess.run(storescu, ["-aet", "PACS1", "-aec", "OURS", "127.0.0.1", String(port), file], timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        listener.stop()
        let all = events(listener.stdout)
        #expect(all.contains { $0["event"] == "rejected" && $0["calling_aet"] == "STRANGER" }, "\(listener.stdout)")
        #expect(all.filter { $0["event"] == "stored" }.count == 1, "\(listener.stdout)")
    }

    @Test("PS3.8 9.3.4 listen without --open: a registered AE calling from an address its host does not resolve to is rejected")
    func accessPolicyAddress() throws {
        let archive = try RetrieveTestArchive(destinationPort: 1, studies: [[1]])
        let home = try TemporaryDirectory(prefix: "listen-store")
        try "[server \"pacs\"]\nae_title = PACS1\nhost = 192.0.2.7\nport = 104\n".write(
            to: home.url.appendingPathComponent("user.ini"), atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let listener = try listen(home, ["--port", String(port)], port: port)
        let run = try ChildProcess.run(
            DCMTK.tool("storescu"), ["-aet", "PACS1", "-aec", "OURS", "127.0.0.1", String(port), archive.url(of: archive.instances[0]).path],
            timeout: 60)
        listener.stop()
        let all = events(listener.stdout)
        #expect(all.contains { $0["event"] == "rejected" && $0["calling_aet"] == "PACS1" }, "\(listener.stdout)\(run.stderr)")
        #expect(!all.contains { $0["event"] == "stored" }, "\(listener.stdout)")
    }

    @Test("PS3.15 B.1 storescu +tls into listen --tls-port requiring client certificates: trusted stores, untrusted refused")
    func tlsStore() throws {
        let archive = try RetrieveTestArchive(destinationPort: 1, studies: [[1]])
        let certificates = try EchoTLSCertificates()
        let home = try TemporaryDirectory(prefix: "listen-store")
        let port = FreePort.next()
        let listener = try listen(
            home,
            ["--tls-port", String(port), "--open", "--tls-cert", certificates.certificate("server"), "--tls-key", certificates.key("server"),
             "--tls-ca", certificates.certificate("client")], port: port)
        let file = archive.url(of: archive.instances[0]).path
        let storescu = try DCMTK.tool("storescu")
        var run = try ChildProcess.run(storescu, [
            "-aet", "STORESCU", "-aec", "OURS", "+tls", certificates.key("client"), certificates.certificate("client"),
            "+cf", certificates.certificate("server"), "localhost", String(port), file], timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try ChildProcess.run(storescu, [
            "-aet", "STORESCU", "-aec", "OURS", "+tls", certificates.key("stranger"), certificates.certificate("stranger"),
            "+cf", certificates.certificate("server"), "localhost", String(port), file], timeout: 60)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
        listener.stop()
        #expect(events(listener.stdout).filter { $0["event"] == "stored" }.count == 1, "\(listener.stdout)")
    }
}

/// The storage root on a full or read-only file system (a small tmpfs mounted for the test,
/// so root only): the store is answered 0xA700, no partial file is left, and the listener keeps
/// serving once there is room again.
@Suite("listen with a full or read-only storage root", .serialized, .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
struct ListenStoreFullDiskInteropTests {
    @Test("PS3.4 B.2.3 out of space and read-only: 0xA700, no partial files, the listener keeps serving")
    func fullAndReadOnly() throws {
        let archive = try RetrieveTestArchive(destinationPort: 1, studies: [[2]])
        let home = try TemporaryDirectory(prefix: "listen-full")
        let root = home.url.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let mount = try ChildProcess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", root.path])
        try #require(mount.status == 0, "\(mount.stderr)")
        defer { _ = try? ChildProcess.run("/bin/umount", [root.path]) }
        let filler = root.appendingPathComponent("filler")
        _ = try ChildProcess.run("/bin/dd", ["if=/dev/zero", "of=\(filler.path)", "bs=4k"])
        let port = FreePort.next()
        let listener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", home.path + "/user.ini", "--admin-config", home.path + "/admin.ini", "listen", "--aet", "OURS",
             "--storage", root.path, "--json", "--open", "--port", String(port)])
        try listener.waitUntilListening(on: port)
        let storescu = try DCMTK.tool("storescu")
        func store(_ instance: RetrieveTestArchive.Instance) throws {
            _ = try ChildProcess.run(storescu, ["-aet", "STORESCU", "-aec", "OURS", "127.0.0.1", String(port), archive.url(of: instance).path], timeout: 60)
        }
        try store(archive.instances[0])
        try FileManager.default.removeItem(at: filler)
        let remount = try ChildProcess.run("/bin/mount", ["-o", "remount,ro", root.path])
        try #require(remount.status == 0, "\(remount.stderr)")
        try store(archive.instances[0])
        _ = try ChildProcess.run("/bin/mount", ["-o", "remount,rw", root.path])
        try store(archive.instances[1])
        listener.stop()
        let events = listener.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }.filter { $0["event"] == "stored" || $0["event"] == "store_failed" }
        #expect(events.map { $0["event"] ?? "" } == ["store_failed", "store_failed", "stored"], "\(listener.stdout)")
        #expect(events.prefix(2).allSatisfy { $0["status"]?.hasPrefix("0xA700") == true }, "\(events)")
        #expect(events.first?["error"]?.contains("storage full") == true, "\(events)")
        #expect(events.dropFirst().first?["error"]?.contains("not writable") == true, "\(events)")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        #expect(files.filter { $0.hasSuffix(".dcm") } == ["ReceivedFiles/\(archive.instances[1].study)/\(archive.instances[1].series)/\(archive.instances[1].sop).dcm"], "\(files)")
        #expect(!files.contains { $0.contains("partial") }, "\(files)")
    }
}
