import DICOMProtocol
import Foundation
import Testing
import TestSupport

/// Faults (issue 9): `kill -9` of `pacslink listen` in the middle of a `storescu` stream. No
/// partial file is ever visible under a final name, and every instance acknowledged with
/// success before the kill is on disk, whole, after it (the default flush policy syncs each
/// file and its directory before answering); after a restart the sender completes the rest.
@Suite("Faults: kill -9 of the listener mid-stream")
struct FaultKillListenerInteropTests {
    static let count = 40

    /// `count` Part 10 files of about 200 KB, SOP Instance UID …1.<i>, one study and series.
    static func makeFiles(in folder: URL) throws -> [(sop: String, file: URL, dataSet: [UInt8])] {
        let (study, series) = ("1.2.826.0.1.3680043.9.7.1", "1.2.826.0.1.3680043.9.7.1.1")
        return try (1...count).map { index in
            let sop = "\(series).\(index)"
            var dataSet = DataSet()
            dataSet.setUID("1.2.840.10008.5.1.4.1.1.7", for: .sopClassUID)
            dataSet.setUID(sop, for: .sopInstanceUID)
            dataSet.setUID(study, for: .studyInstanceUID)
            dataSet.setUID(series, for: .seriesInstanceUID)
            dataSet.insert(DataElement(tag: .pixelData, vr: .OB, bytes: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* index) }))
            let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(dataSet)
            let meta = try FileMetaInformation(
                mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: sop,
                transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid).encoded()
            let file = folder.appendingPathComponent("\(index).dcm")
            try Data(meta + bytes).write(to: file)
            return (sop, file, bytes)
        }
    }

    func listen(_ home: TemporaryDirectory, port: UInt16) throws -> ChildProcess {
        let child = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", home.path + "/user.ini", "--admin-config", home.path + "/admin.ini", "listen", "--aet", "OURS",
             "--storage", home.path + "/store", "--json", "--timeout", "5", "--port", String(port), "--open"])
        try child.waitUntilListening(on: port)
        return child
    }

    /// The files `storescu -v` sent and saw a success response for, in order.
    static func acknowledged(_ log: String) -> [String] {
        var current: String?
        var files: [String] = []
        for line in log.split(separator: "\n") {
            if let range = line.range(of: "Sending file: ") {
                current = String(line[range.upperBound...])
            } else if line.contains("Received Store Response (Success)"), let file = current {
                files.append(file)
                current = nil
            }
        }
        return files
    }

    @Test("kill -9 mid-stream: every acknowledged instance is on disk whole, no partial file under a final name; a restart takes the rest")
    func killMidStream() throws {
        let home = try TemporaryDirectory(prefix: "fault-kill")
        let sources = try TemporaryDirectory(prefix: "fault-kill-sources")
        let instances = try Self.makeFiles(in: sources.url)
        let received = home.url.appendingPathComponent("store/ReceivedFiles/1.2.826.0.1.3680043.9.7.1/1.2.826.0.1.3680043.9.7.1.1")
        let port = FreePort.next()
        let listener = try listen(home, port: port)
        let sender = try ChildProcess(
            DCMTK.tool("storescu"), ["-v", "-aet", "SENDER", "-aec", "OURS", "127.0.0.1", String(port)] + instances.map(\.file.path))
        // Kill once a few instances are stored, while the rest are on their way.
        let deadline = Date().addingTimeInterval(60)
        while listener.stdout.components(separatedBy: "\"stored\"").count - 1 < 5 && Date() < deadline { usleep(5_000) }
        kill(listener.process.processIdentifier, SIGKILL)
        listener.process.waitUntilExit()
        sender.wait(timeout: 60)
        let acknowledged = Set(Self.acknowledged(sender.stdout + sender.stderr))
        #expect(acknowledged.count >= 5, "\(sender.stdout)\(sender.stderr)")
        #expect(acknowledged.count < instances.count, "the kill came too late to test anything")
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: received.path)) ?? []
        for instance in instances {
            let final = received.appendingPathComponent(instance.sop + ".dcm")
            if acknowledged.contains(instance.file.path) {
                #expect(onDisk.contains(final.lastPathComponent), "acknowledged \(instance.sop) is missing")
            }
            // Under a final name, only whole files.
            if let bytes = FileManager.default.contents(atPath: final.path) {
                #expect(Array(bytes.suffix(instance.dataSet.count)) == instance.dataSet, "\(instance.sop) is not whole")
            }
        }
        #expect(onDisk.allSatisfy { $0.hasSuffix(".dcm") || $0.hasPrefix(".") }, "\(onDisk)")
        // After a restart the sender sends everything again and all of it is there.
        let restarted = try listen(home, port: port)
        let again = try ChildProcess.run(
            DCMTK.tool("storescu"), ["-aet", "SENDER", "-aec", "OURS", "127.0.0.1", String(port)] + instances.map(\.file.path), timeout: 120)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        restarted.stop()
        for instance in instances {
            let bytes = FileManager.default.contents(atPath: received.appendingPathComponent(instance.sop + ".dcm").path)
            #expect(bytes.map { Array($0.suffix(instance.dataSet.count)) } == instance.dataSet, "\(instance.sop)")
        }
    }
}
