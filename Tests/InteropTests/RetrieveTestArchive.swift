import Foundation
import TestSupport

/// A DCMTK `dcmqrscp` archive for query/retrieve interop tests: instances made with
/// `dump2dcm` at test time, indexed with `dcmqridx` (run from the same working directory, as
/// the index stores paths as given), served as AE `aeTitle`; its HostTable names our AE
/// `PACSLINK` at 127.0.0.1:`destinationPort` as the move destination.
final class RetrieveTestArchive: @unchecked Sendable {
    struct Instance {
        var study: String
        var series: String
        var sop: String
        var patientName: String
        var patientID: String
        var modality: String
        var file: String
    }

    let directory: TemporaryDirectory
    let aeTitle: String
    let port: UInt16
    let destinationPort: UInt16
    private(set) var instances: [Instance] = []
    private var scp: ChildProcess?

    /// `studies`: per study, the number of instances of each of its series. `peers`: who may
    /// associate (the AETable's last column: ANY, or `ours`, the HostTable's one entry).
    init(
        aeTitle: String = "QRSCP", destinationAETitle: String = "PACSLINK", destinationPort: UInt16, studies: [[Int]],
        root: String = "1.2.826.0.1.3680043.9.7", peers: String = "ANY"
    ) throws {
        directory = try TemporaryDirectory(prefix: "dcmqrscp")
        self.aeTitle = aeTitle
        self.destinationPort = destinationPort
        port = FreePort.next()
        let area = directory.url.appendingPathComponent("db/\(aeTitle)")
        try FileManager.default.createDirectory(at: area, withIntermediateDirectories: true)
        for (s, seriesCounts) in studies.enumerated() {
            let study = "\(root).\(s + 1)"
            for (r, count) in seriesCounts.enumerated() {
                let series = "\(study).\(r + 1)"
                for i in 0..<count {
                    let sop = "\(series).\(i + 1)"
                    let instance = Instance(
                        study: study, series: series, sop: sop, patientName: "Test^Patient\(s + 1)", patientID: "PID\(s + 1)",
                        modality: r % 2 == 0 ? "OT" : "CT", file: "db/\(aeTitle)/\(sop).dcm")
                    try make(instance, instanceNumber: i + 1, seriesNumber: r + 1)
                    instances.append(instance)
                }
            }
        }
        let index = try ChildProcess.run(
            DCMTK.tool("dcmqridx"), ["db/\(aeTitle)"] + instances.map(\.file), workingDirectory: directory.url)
        guard index.status == 0 else { throw Failure("dcmqridx: \(index.stderr)") }
        let config = """
            NetworkTCPPort  = \(port)
            MaxPDUSize      = 16384
            MaxAssociations = 16
            HostTable BEGIN
            ours        = (\(destinationAETitle), 127.0.0.1, \(destinationPort))
            HostTable END
            VendorTable BEGIN
            VendorTable END
            AETable BEGIN
            \(aeTitle)   db/\(aeTitle)   RW   (200, 1024mb)   \(peers)
            AETable END

            """
        try config.write(to: directory.url.appendingPathComponent("qr.cfg"), atomically: true, encoding: .utf8)
    }

    func start() throws {
        let scp = try ChildProcess(
            DCMTK.tool("dcmqrscp"), ["-d", "--config", "qr.cfg", String(port)], workingDirectory: directory.url)
        self.scp = scp
        try scp.waitUntilListening(on: port)
    }

    var log: String { (scp?.stdout ?? "") + (scp?.stderr ?? "") }

    func stop() { scp?.stop() }

    /// The instance's file in the archive.
    func url(of instance: Instance) -> URL { directory.url.appendingPathComponent(instance.file) }

    private func make(_ instance: Instance, instanceNumber: Int, seriesNumber: Int) throws {
        let pixels = (0..<64).map { String(format: "%02x", ($0 * 7 + instanceNumber) & 0xFF) }.joined(separator: "\\")
        let dump = """
            (0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]
            (0008,0018) UI [\(instance.sop)]
            (0008,0020) DA [20240101]
            (0008,0050) SH [ACC\(instance.patientID)]
            (0008,0060) CS [\(instance.modality)]
            (0010,0010) PN [\(instance.patientName)]
            (0010,0020) LO [\(instance.patientID)]
            (0020,000d) UI [\(instance.study)]
            (0020,000e) UI [\(instance.series)]
            (0020,0010) SH [1]
            (0020,0011) IS [\(seriesNumber)]
            (0020,0013) IS [\(instanceNumber)]
            (0028,0002) US 1
            (0028,0004) CS [MONOCHROME2]
            (0028,0010) US 8
            (0028,0011) US 8
            (0028,0100) US 8
            (0028,0101) US 8
            (0028,0102) US 7
            (0028,0103) US 0
            (7fe0,0010) OB \(pixels)

            """
        let text = directory.url.appendingPathComponent("\(instance.sop).txt")
        try dump.write(to: text, atomically: true, encoding: .utf8)
        let run = try ChildProcess.run(
            DCMTK.tool("dump2dcm"), ["--write-xfer-little", text.path, instance.file], workingDirectory: directory.url)
        guard run.status == 0 else { throw Failure("dump2dcm: \(run.stderr)") }
    }

    /// A user registry file naming this archive "pacs" (listen port: `destinationPort`), with
    /// `extra` lines appended to its section.
    func registry(in directory: TemporaryDirectory, storage: String? = nil, extra: String = "") throws -> [String] {
        var text = ""
        if let storage { text += "[local]\nae_title = PACSLINK\nstorage = \(storage)\n\n" }
        text += "[server \"pacs\"]\nae_title = \(aeTitle)\nhost = 127.0.0.1\nport = \(port)\nlisten_port = \(destinationPort)\ntimeout = 20\n\(extra)\n"
        let user = directory.url.appendingPathComponent("user.ini")
        try text.write(to: user, atomically: true, encoding: .utf8)
        return ["--config", user.path, "--admin-config", directory.path + "/admin.ini"]
    }
}
