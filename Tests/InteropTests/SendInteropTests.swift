import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// `pacslink send` against DCMTK's `storescp` (PS3.4 Annex B), on loopback and free ports:
/// what arrives is what was sent, refusals are explained, big files stream.
@Suite("send against storescp")
struct SendInteropTests {
    let directory: TemporaryDirectory
    let files: String
    let received: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "send-interop")
        files = directory.path + "/files"
        received = directory.path + "/received"
        for path in [files + "/more", received] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// Writes a Part 10 file with `dump2dcm` from a dcmdump-style text; `syntax` is its
    /// output option (+te explicit, +ti implicit, +t= the dump's own (0002,0010)).
    func make(_ name: String, _ dump: String, syntax: String) throws {
        let text = directory.path + "/\(UUID().uuidString).txt"
        try dump.write(toFile: text, atomically: false, encoding: .utf8)
        let run = try ChildProcess.run(DCMTK.tool("dump2dcm"), [syntax, text, files + "/" + name])
        #expect(run.status == 0, "dump2dcm: \(run.stderr)")
    }

    static func image(_ sopClass: String, _ instance: String, modality: String) -> String {
        """
        (0008,0016) UI =\(sopClass)
        (0008,0018) UI [1.2.826.0.1.3680043.9.7777.\(instance)]
        (0008,0060) CS [\(modality)]
        (0010,0010) PN [Send^Interop]
        (0020,000d) UI [1.2.826.0.1.3680043.9.7777.100]
        (0020,000e) UI [1.2.826.0.1.3680043.9.7777.101]
        (0028,0010) US 2
        (0028,0011) US 2
        (7fe0,0010) OW 0001\\0002\\0003\\0004

        """
    }

    /// Several SOP classes, implicit and explicit VR little endian, an encapsulated (JPEG)
    /// one in a subfolder, and a text file.
    func makeMixedFolder() throws {
        try make("ct-explicit.dcm", Self.image("CTImageStorage", "1", modality: "CT"), syntax: "+te")
        try make("ct-implicit.dcm", Self.image("CTImageStorage", "2", modality: "CT"), syntax: "+ti")
        try make("mr-explicit.dcm", Self.image("MRImageStorage", "3", modality: "MR"), syntax: "+te")
        try make("more/sc-jpeg.dcm", """
            (0002,0010) UI =JPEGBaseline
            (0008,0016) UI =SecondaryCaptureImageStorage
            (0008,0018) UI [1.2.826.0.1.3680043.9.7777.4]
            (0010,0010) PN [Send^Jpeg]
            (0028,0002) US 1
            (0028,0010) US 8
            (0028,0011) US 8
            (0028,0100) US 8
            (7fe0,0010) OB (PixelSequence #=2)
            (fffe,e000) pi (no value available)
            (fffe,e000) pi ff\\d8\\ff\\d9
            (fffe,e0dd) na (SequenceDelimitationItem)

            """, syntax: "+t=")
        try "not DICOM\n".write(toFile: files + "/README.txt", atomically: false, encoding: .utf8)
    }

    func storescp(_ options: [String], port: UInt16) throws -> ChildProcess {
        let scp = try ChildProcess(DCMTK.tool("storescp"), ["--aetitle", "STORESCP"] + options + [String(port)])
        try scp.waitUntilListening(on: port)
        return scp
    }

    func send(_ port: UInt16, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["send", "--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP"] + arguments, timeout: 60)
    }

    func results(_ json: String) throws -> [String: [String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        return Dictionary(files.map { (URL(fileURLWithPath: $0["path"] as! String).lastPathComponent, $0) }) { a, _ in a }
    }

    /// `count` copies of one Secondary Capture file in `directory/name`, each its own SOP
    /// Instance UID (same length, so the group lengths stay right), named 200000.dcm, ….
    /// `pacslink listen` as AE STORESCP on a free port, storing under `storage`, granting an
    /// operations window of `window`; running once this returns. The caller stops it.
    func ourListener(storage: String, window: Int) throws -> (ChildProcess, UInt16) {
        let port = FreePort.next()
        let listener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/none.ini", "--admin-config", directory.path + "/none.ini", "listen",
             "--aet", "STORESCP", "--port", String(port), "--storage", storage, "--window", String(window)])
        do {
            try listener.waitUntilListening(on: port)
        } catch {
            listener.stop()
            throw error
        }
        return (listener, port)
    }

    /// `pacslink send --json` of `folder` to our listener on `port`, running; returns once
    /// `count` files have arrived under `storage` (or after 30 s). The caller stops it.
    func sendUnderWay(_ folder: String, port: UInt16, storage: String, arrived count: Int) throws -> ChildProcess {
        let sender = try ChildProcess(
            BuiltProducts.pacslink(),
            ["send", "--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP", folder, "--json"])
        let deadline = Date().addingTimeInterval(30)
        while arrived(under: storage).count < count, Date() < deadline { usleep(5_000) }
        return sender
    }

    /// The SOP Instance UIDs of the files our listener has under `storage`, by file name.
    func arrived(under storage: String) -> Set<String> {
        let found = FileManager.default.enumerator(atPath: storage)?.compactMap { $0 as? String } ?? []
        return Set(found.filter { $0.hasSuffix(".dcm") }.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
    }

    /// With `extra` > 0 (even), each data set ends with a private OB element of that many bytes
    /// (7FE1,1010): large files.
    func copies(_ count: Int, into name: String, extra: Int = 0) throws -> String {
        try make("template.dcm", Self.image("SecondaryCaptureImageStorage", "100000", modality: "OT"), syntax: "+te")
        var template = try [UInt8](Data(contentsOf: URL(fileURLWithPath: files + "/template.dcm")))
        if extra > 0 {
            template += [0xE1, 0x7F, 0x10, 0x10, 0x4F, 0x42, 0, 0] + withUnsafeBytes(of: UInt32(extra).littleEndian, Array.init)
                + (0..<extra).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        }
        let placeholder = Array("1.2.826.0.1.3680043.9.7777.100000".utf8)
        let folder = directory.path + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let bytes = Self.replacing(placeholder, with: Array("1.2.826.0.1.3680043.9.7777.\(200_000 + index)".utf8), in: template)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/\(200_000 + index).dcm"))
        }
        return folder
    }

    /// `bytes` with every occurrence of `placeholder` replaced (a UID of the same length, so
    /// that the group lengths stay right).
    static func replacing(_ placeholder: [UInt8], with uid: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        var start = 0
        while let range = bytes[start...].firstRange(of: placeholder) {
            bytes.replaceSubrange(range, with: uid)
            start = range.upperBound
        }
        return bytes
    }

    /// A Part 10 file's bytes after its File Meta Information (PS3.10 7.1: the preamble, "DICM",
    /// then group 0002 whose length (0002,0000) gives).
    static func dataSetBytes(_ path: String) throws -> [UInt8] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try #require(bytes.count > 144)
        let groupLength = bytes[140..<144].reversed().reduce(0) { $0 << 8 | Int($1) }
        return Array(bytes[(144 + groupLength)...])
    }

    /// `dcmdump` of a file's data set: everything after the File Meta Information.
    func dataSetDump(_ path: String) throws -> String {
        let run = try ChildProcess.run(DCMTK.tool("dcmdump"), ["+L", path])
        #expect(run.status == 0, "dcmdump \(path): \(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("# Dicom-Data-Set") } ?? 0
        return lines[start...].joined(separator: "\n")
    }

    @Test("PS3.4 B.2 a mixed folder arrives with identical data sets; the non-DICOM file is skipped")
    func mixedFolder() throws {
        try makeMixedFolder()
        let port = FreePort.next()
        let scp = try storescp(["+xa", "+B", "-od", received], port: port)
        defer { scp.stop() }
        let run = try send(port, [files, "--recursive", "--associations", "2", "--json"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let byName = try results(run.stdout)
        #expect(byName.count == 5)
        for name in ["ct-explicit.dcm", "ct-implicit.dcm", "mr-explicit.dcm", "sc-jpeg.dcm"] {
            #expect(byName[name]?["result"] as? String == "success", "\(name): \(byName[name] ?? [:])")
        }
        #expect(byName["README.txt"]?["result"] as? String == "skipped")

        let arrived = try FileManager.default.contentsOfDirectory(atPath: received).map { received + "/" + $0 }
        #expect(arrived.count == 4)
        let arrivedDumps = Set(try arrived.map(dataSetDump))
        for name in ["ct-explicit.dcm", "ct-implicit.dcm", "mr-explicit.dcm", "more/sc-jpeg.dcm"] {
            let sent = try dataSetDump(files + "/" + name)
            #expect(arrivedDumps.contains(sent), "\(name) did not arrive identical:\n\(sent)")
        }
    }

    @Test("PS3.8 9.3.3.2 a storescp accepting only Implicit VR LE: other syntaxes fail with the reason, the rest are stored")
    func implicitOnly() throws {
        try makeMixedFolder()
        let port = FreePort.next()
        let scp = try storescp(["+xi", "-od", received], port: port)
        defer { scp.stop() }
        let run = try send(port, [files, "--recursive", "--json"])
        #expect(run.status == 1)
        let byName = try results(run.stdout)
        #expect(byName["ct-implicit.dcm"]?["result"] as? String == "success")
        for name in ["ct-explicit.dcm", "mr-explicit.dcm", "sc-jpeg.dcm"] {
            #expect(byName[name]?["result"] as? String == "failure")
            let reason = byName[name]?["reason"] as? String ?? ""
            #expect(reason.hasPrefix("no accepted presentation context: transfer syntax not supported"), "\(name): \(reason)")
            #expect(reason.hasSuffix("PACSLink does not transcode"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: received).count == 1)

        let text = try send(port, [files, "--recursive"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("1 stored, 3 failed, 1 skipped"), "\(text.stdout)")
    }

    @Test("PS3.8 9.3.5 large data sets go by sendfile into a storescp taking 128 KiB PDUs, and arrive byte for byte")
    func fileSpansIntoStorescp() throws {
        try make("header.dcm", Self.image("SecondaryCaptureImageStorage", "8", modality: "OT"), syntax: "+te")
        let header = try [UInt8](Data(contentsOf: URL(fileURLWithPath: files + "/header.dcm")))
        try FileManager.default.removeItem(atPath: files + "/header.dcm")
        // Three copies with their own SOP Instance UIDs (same length: the group lengths stay
        // right), each with a 700,002-byte private OB element of a pattern no shift
        // reproduces appended to its data set: 6 PDUs of 128 KiB each.
        let length = 700_002
        let value = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ $0 >> 13) }
        let placeholder = Array("1.2.826.0.1.3680043.9.7777.8".utf8)
        for index in 1...3 {
            var bytes = Self.replacing(placeholder, with: Array("1.2.826.0.1.3680043.9.7777.\(index)".utf8), in: header)
            bytes += [0xE1, 0x7F, 0x10, 0x10, 0x4F, 0x42, 0, 0] + withUnsafeBytes(of: UInt32(length).littleEndian, Array.init) + value
            try Data(bytes).write(to: URL(fileURLWithPath: files + "/big\(index).dcm"))
        }
        let port = FreePort.next()
        let scp = try storescp(["--max-pdu", "131072", "+B", "-od", received], port: port)
        defer { scp.stop() }
        let run = try send(port, [files, "--json"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let arrived = try FileManager.default.contentsOfDirectory(atPath: received).map { received + "/" + $0 }
        #expect(arrived.count == 3)
        let sent = Set(try (1...3).map { try Self.dataSetBytes(files + "/big\($0).dcm") })
        #expect(Set(try arrived.map(Self.dataSetBytes)) == sent)
    }

    @Test("PS3.8 9.3.5 a 160 MB data set streams: the sender's memory stays far below the file's size")
    func streamsLargeFiles() throws {
        let path = files + "/large.dcm"
        try make("header.dcm", Self.image("SecondaryCaptureImageStorage", "9", modality: "OT"), syntax: "+te")
        // The small file's bytes, then a 160 MB private OB element (7FE1,1010) appended to its data set.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: files + "/header.dcm"))
        try handle.seekToEnd()
        let length = 160 << 20
        try handle.write(contentsOf: [0xE1, 0x7F, 0x10, 0x10, 0x4F, 0x42, 0, 0] + withUnsafeBytes(of: UInt32(length).littleEndian, Array.init))
        let megabyte = Data(repeating: 0x5A, count: 1 << 20)
        for _ in 0..<160 { try handle.write(contentsOf: megabyte) }
        try handle.close()
        try FileManager.default.moveItem(atPath: files + "/header.dcm", toPath: path)

        let port = FreePort.next()
        let scp = try storescp(["--ignore"], port: port)
        defer { scp.stop() }
        let run = try ChildProcess.run(
            "/usr/bin/time",
            ["-v", try BuiltProducts.pacslink(), "send", "--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP", path],
            timeout: 120)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let rssLine = try #require(run.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") })
        let kilobytes = try #require(Int(rssLine.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)))
        // Under scripts/sanitize.sh the process also carries ASan's shadow memory and redzones:
        // twice the bound, still below the file's size.
        let limit = ProcessInfo.processInfo.environment["PACSLINK_SANITIZER"] == nil ? 80 * 1024 : 160 * 1024
        #expect(kilobytes < limit, "pacslink used \(kilobytes) kB to send a 160 MB file")
    }

    @Test("PS3.7 D.3.3.3 send into our listener with a window of 16: every file stored with its exact data set, one result each",
          .timeLimit(.minutes(1)))
    func windowIntoOurListener() throws {
        let count = 64
        let folder = try copies(count, into: "window")
        let storage = directory.path + "/storage"
        let (listener, port) = try ourListener(storage: storage, window: 16)
        defer { listener.stop() }
        let sender = try ChildProcess.run(
            BuiltProducts.pacslink(),
            ["send", "--host", "127.0.0.1", "--port", String(port), "--called-aet", "STORESCP", "--window", "16", folder, "--json"])
        #expect(sender.status == 0, "\(sender.stdout)\n\(sender.stderr)")
        let byName = try results(sender.stdout)
        #expect(byName.count == count)
        let study = storage + "/ReceivedFiles/1.2.826.0.1.3680043.9.7777.100/1.2.826.0.1.3680043.9.7777.101"
        for index in 0..<count {
            let name = "\(200_000 + index)"
            #expect(byName[name + ".dcm"]?["result"] as? String == "success", "\(name): \(String(describing: byName[name + ".dcm"]))")
            let stored = study + "/1.2.826.0.1.3680043.9.7777.\(name).dcm"
            #expect(try Self.dataSetBytes(stored) == Self.dataSetBytes(folder + "/\(name).dcm"), "\(name)")
        }
    }

    @Test("PS3.8 7.3 Ctrl-C during a send: A-ABORT, exit 1, and the report agrees with what arrived (listener window 1, 16)",
          .timeLimit(.minutes(1)), arguments: [(1, 400), (16, 4000)])
    func interrupted(window: Int, count: Int) throws {
        // 400 copies of one file, each with its own SOP Instance UID (same length, so the
        // group lengths stay right).
        // With a window (PS3.7 D.3.3.3) the send is much faster: more files, so that it is
        // still under way when interrupted.
        let folder = try copies(count, into: "many\(window)")
        // Our listener as the sink: it fsyncs every file before answering, so the send takes a
        // while, and it logs how each association ended.
        let storage = directory.path + "/storage\(window)"
        let (listener, port) = try ourListener(storage: storage, window: window)
        defer { listener.stop() }
        let sender = try sendUnderWay(folder, port: port, storage: storage, arrived: 3)
        defer { sender.stop() }
        sender.process.interrupt()
        #expect(sender.wait(timeout: 30) == 1, "\(sender.stdout)\n\(sender.stderr)")
        #expect(sender.stderr.contains("interrupted; aborting the associations"))

        let stored = arrived(under: storage)
        let byName = try results(sender.stdout)
        #expect(byName.count == count)
        var counts: [String: Int] = [:]
        for (name, result) in byName {
            let uid = "1.2.826.0.1.3680043.9.7777." + name.replacingOccurrences(of: ".dcm", with: "")
            let outcome = (result["result"] as? String ?? "") + ": " + (result["reason"] as? String ?? "")
            counts[outcome, default: 0] += 1
            switch outcome {
            case "success: ":
                #expect(stored.contains(uid), "\(name) reported stored but did not arrive")
            case "not-sent: interrupted while sending; the peer did not confirm it":
                break  // the peer may or may not have stored it: it never said
            case "not-sent: interrupted":
                #expect(!stored.contains(uid), "\(name) reported not sent but arrived")
            default:
                Issue.record("\(name): unexpected \(result)")
            }
        }
        // Three had arrived: each confirmed, or in flight and reported unconfirmed — without a
        // window only the last of them can be.
        let unconfirmed = counts["not-sent: interrupted while sending; the peer did not confirm it", default: 0]
        #expect(counts["success: ", default: 0] + unconfirmed >= 3, "\(counts)")
        if window == 1 { #expect(counts["success: ", default: 0] >= 2, "\(counts)") }
        #expect(counts["not-sent: interrupted", default: 0] >= 1, "\(counts) — the send ended before the interrupt")
        // At most the operations window the listener granted was in flight, unconfirmed.
        #expect(unconfirmed <= window)
        // The listener heard an A-ABORT from the service user (PS3.8 §9.3.8, §7.3.1), not a
        // release or a dropped connection.
        let aborted = "aborted by the service user"
        let logged = Date().addingTimeInterval(10)
        while !listener.stdout.contains(aborted), Date() < logged { usleep(20_000) }
        #expect(listener.stdout.contains(aborted), "\(listener.stdout)\n\(listener.stderr)")
    }

    @Test("PS3.8 7.3 the listener killed (-9) mid-send with C-STOREs in flight: exit 1, each file reported once, every file reported stored is on disk (small files; 0.4 MB files, sent by sendfile)",
          .timeLimit(.minutes(1)), arguments: [(4000, 0), (300, 400_000)])
    func listenerKilledMidSend(count: Int, extra: Int) throws {
        let folder = try copies(count, into: "killed", extra: extra)
        let storage = directory.path + "/storage-killed"
        let (listener, port) = try ourListener(storage: storage, window: 64)
        defer { listener.stop() }
        let sender = try sendUnderWay(folder, port: port, storage: storage, arrived: 20)
        defer { sender.stop() }
        kill(listener.process.processIdentifier, SIGKILL)
        listener.process.waitUntilExit()
        // The association breaks with up to 64 C-STOREs in flight; the files left go to a new
        // association, which the dead port refuses.
        #expect(sender.wait(timeout: 30) == 1, "\(sender.stdout)\n\(sender.stderr)")
        let stored = arrived(under: storage)
        let byName = try results(sender.stdout)
        #expect(byName.count == count, "every file reported once")
        var successes = 0
        for (name, result) in byName where result["result"] as? String == "success" {
            successes += 1
            let uid = "1.2.826.0.1.3680043.9.7777." + name.replacingOccurrences(of: ".dcm", with: "")
            #expect(stored.contains(uid), "\(name) reported stored but is not on disk")
        }
        // Files on disk need not have been confirmed (the listener may die between the rename and
        // its answer), so there may be fewer successes than files there — never more.
        #expect(successes < count && successes <= stored.count, "\(successes) stored, \(stored.count) on disk")
        #expect(byName.values.contains { ($0["result"] as? String) == "failure" }, "the files after the kill fail")
    }

    @Test("send SERVER resolves the registry entry (AE title, host, port); unknown names exit 1")
    func registryServer() throws {
        try makeMixedFolder()
        let port = FreePort.next()
        let scp = try storescp(["+xa", "-od", received], port: port)
        defer { scp.stop() }
        let config = directory.path + "/servers.ini"
        try "[server \"Lab\"]\nae_title = STORESCP\nhost = 127.0.0.1\nport = \(port)\n".write(toFile: config, atomically: false, encoding: .utf8)
        let common = ["--config", config, "--admin-config", directory.path + "/none.ini", "send"]
        let run = try ChildProcess.run(BuiltProducts.pacslink(), common + ["Lab", files + "/ct-explicit.dcm", files + "/mr-explicit.dcm"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("2 stored, 0 failed, 0 skipped"))
        let unknown = try ChildProcess.run(BuiltProducts.pacslink(), common + ["Nope", files + "/ct-explicit.dcm"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no server named \"Nope\""))
    }
}
