import DICOMProtocol
import Foundation
import PACSLink
import Testing
import TestSupport

/// `pacslink dump` as a user runs it, against DCMTK: `--json` agrees with `dcm2json` on every
/// file the tests make with DCMTK (and on ours), and bad files are reported one line each
/// while the others still print.
@Suite("pacslink dump interop with DCMTK")
struct DumpInteropTests {
    /// The files to compare: every dump2dcm case, img2dcm's image and PACSLink's own files.
    static func files(in dir: TemporaryDirectory) throws -> [String] {
        var paths = try Part10InteropTests.dump2dcmCases.map {
            try Part10InteropTests.dump2dcmFile($0.name, options: $0.options, in: dir)
        }
        let bmp = dir.url.appendingPathComponent("x.bmp")
        try Data(Part10InteropTests.bitmap()).write(to: bmp)
        let image = dir.url.appendingPathComponent("img.dcm").path
        try DumpListing.run("img2dcm", ["-i", "BMP", bmp.path, image])
        paths.append(image)
        for syntax in [TransferSyntax.explicitVRLittleEndian, .implicitVRLittleEndian] {
            let ds = try Part10InteropTests.sample(privateElements: syntax.isExplicitVR)
            let meta = try FileMetaInformation(
                mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.3",
                transferSyntaxUID: syntax.uid)
            let encoding = DataSetEncoding(explicitVR: syntax.isExplicitVR, byteOrder: syntax.byteOrder)
            let url = dir.url.appendingPathComponent("ours-\(syntax.uid).dcm")
            try DICOMFile.write(meta: meta, dataSet: try DataSetEncoder(encoding: encoding).encode(ds), to: url)
            paths.append(url.path)
        }
        return paths
    }

    static func pacslink(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(try BuiltProducts.pacslink(), arguments)
    }

    @Test("PS3.18 F.2 pacslink dump --json agrees with dcm2json: tags, VRs and values")
    func jsonAgreesWithDCM2JSON() throws {
        let dir = try TemporaryDirectory()
        let paths = try Self.files(in: dir)
        let ours = try Self.pacslink(["dump", "--json"] + paths)
        #expect(ours.status == 0, "\(ours.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [Any])
        #expect(documents.count == paths.count)
        for (path, document) in zip(paths, documents) {
            let theirs = try DumpListing.run("dcm2json", [path])
            let expected = try JSONSerialization.jsonObject(with: Data(theirs.utf8))
            var differences: [String] = []
            JSONComparison.compare(document, expected, at: "", into: &differences)
            #expect(differences.isEmpty, "\(path):\n\(differences.joined(separator: "\n"))")
        }
    }

    @Test("Dump: a truncated, a missing and a non-DICOM file get one stderr line each; the others print; exit 1",
          arguments: [false, true])
    func badFiles(json: Bool) throws {
        let dir = try TemporaryDirectory()
        let good = try Part10InteropTests.dump2dcmFile("utf8", options: [], in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let cut = dir.url.appendingPathComponent("cut.dcm").path
        try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: cut))
        let text = dir.url.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not dicom ", count: 20).utf8).write(to: URL(fileURLWithPath: text))
        let missing = dir.url.appendingPathComponent("missing.dcm").path

        let result = try Self.pacslink(["dump"] + (json ? ["--json"] : []) + [good, cut, missing, text, good])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 3, "\(result.stderr)")
        let cutLine = try #require(errors.first { $0.contains(cut) })
        let offset = try #require(Int(cutLine.split(separator: "at byte ").last?.prefix { $0.isNumber } ?? ""))
        #expect(offset > 132 && offset <= bytes.count - 7, "\(cutLine)")
        #expect(errors.contains { $0.contains(missing) && $0.contains("no such file") })
        #expect(errors.contains { $0.contains(text) && $0.contains("at byte 128:") })
        if json {
            let documents = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
            #expect(documents?.count == 2)
        } else {
            #expect(result.stdout.components(separatedBy: "# Dicom-Data-Set").count == 3)
            #expect(result.stdout.contains("# pacslink dump (5/5): \(good)"))
        }
    }

    @Test("PS3.5 A.5 a deflated file (dump2dcm +td) is reported as unsupported: deflate, with its offset")
    func deflated() throws {
        let dir = try TemporaryDirectory()
        let path = try Part10InteropTests.dump2dcmFile("utf8", options: ["+td"], in: dir)
        let result = try Self.pacslink(["dump", path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("pacslink dump: \(path): at byte "))
        #expect(result.stderr.contains("unsupported: deflate"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("PS3.10 7.1 a bare data set (dump2dcm -F) is refused, and read with --raw like dcmdump reads it",
          arguments: ["utf8", "implicit"])
    func rawDataSet(name: String) throws {
        let dir = try TemporaryDirectory()
        let options = name == "implicit" ? ["-F", "+ti"] : ["-F"]
        let path = try Part10InteropTests.dump2dcmFile(name, options: options, in: dir)
        let refused = try Self.pacslink(["dump", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(path): at byte 128: DICM prefix"), "\(refused.stderr)")
        let raw = try Self.pacslink(["dump", "--raw", path])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stderr.contains("no File Meta Information"))
        let differences = DumpListing.differences(ours: raw.stdout, theirs: try DumpListing.dcmdump(path))
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test("Dump: the text output of the binary matches dcmdump's elements")
    func textOutput() throws {
        let dir = try TemporaryDirectory()
        let path = try Part10InteropTests.dump2dcmFile("utf8", options: ["-e"], in: dir)
        let ours = try Self.pacslink(["dump", path])
        #expect(ours.status == 0)
        let differences = DumpListing.differences(ours: ours.stdout, theirs: try DumpListing.dcmdump(path))
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
}

/// Compares our DICOM JSON with dcm2json's, modulo what PACSLink documents as different:
/// bulk data as `BulkDataLength` (checked against the length of dcm2json's base64) and
/// number spelling (numbers compare by value).
enum JSONComparison {
    static func compare(_ ours: Any, _ theirs: Any, at path: String, into out: inout [String]) {
        guard let a = ours as? [String: Any], let b = theirs as? [String: Any] else {
            return out.append("\(path): not both objects")
        }
        if Set(a.keys) != Set(b.keys) {
            out.append("\(path): tags differ: ours \(a.keys.sorted()), dcm2json \(b.keys.sorted())")
        }
        for key in a.keys.sorted() {
            guard let x = a[key] as? [String: Any], let y = b[key] as? [String: Any] else { continue }
            attribute(x, y, at: "\(path)/\(key)", into: &out)
        }
    }

    static func attribute(_ x: [String: Any], _ y: [String: Any], at path: String, into out: inout [String]) {
        if x["vr"] as? String != y["vr"] as? String {
            out.append("\(path): vr \(x["vr"] ?? "-") vs \(y["vr"] ?? "-")")
        }
        if let length = x[DICOMJSONEncoder.bulkDataLengthKey] as? Int {
            let inline = (y["InlineBinary"] as? String).flatMap { Data(base64Encoded: $0) }
            if inline?.count != length { out.append("\(path): bulk length \(length) vs \(inline?.count ?? -1)") }
            return
        }
        if x["InlineBinary"] as? String != y["InlineBinary"] as? String {
            out.append("\(path): InlineBinary differs")
        }
        let xs = x["Value"] as? [Any] ?? [], ys = y["Value"] as? [Any] ?? []
        guard xs.count == ys.count else {
            return out.append("\(path): \(xs.count) values vs \(ys.count): \(xs) vs \(ys)")
        }
        for (i, (v, w)) in zip(xs, ys).enumerated() {
            if x["vr"] as? String == "SQ" {
                compare(v, w, at: "\(path)[\(i)]", into: &out)
            } else if !same(v, w) {
                out.append("\(path)[\(i)]: \(v) vs \(w)")
            }
        }
    }

    static func same(_ v: Any, _ w: Any) -> Bool {
        switch (v, w) {
        case (let a as String, let b as String): a == b
        case (let a as NSNumber, let b as NSNumber): a.doubleValue == b.doubleValue
        case (let a as [String: String], let b as [String: String]): a == b
        case (is NSNull, is NSNull): true
        default: false
        }
    }
}
