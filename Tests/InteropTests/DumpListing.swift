import Foundation
import TestSupport

/// One element line of a dcmdump listing (ours or DCMTK's), without the attribute name:
/// names come from different dictionaries, everything else must agree.
struct DumpRecord: Equatable, CustomStringConvertible {
    var level: Int
    var tag: String
    var vr: String
    var value: String
    var length: String
    var multiplicity: String

    var description: String { "\(String(repeating: "  ", count: level))\(tag) \(vr) \(value) # \(length),\(multiplicity)" }

    /// Element lines of a listing: `(gggg,eeee) VR value  # length, VM Name`; headings,
    /// blank lines and anything else are skipped.
    static func parse(_ listing: String) -> [DumpRecord] {
        listing.split(separator: "\n").compactMap { line -> DumpRecord? in
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard rest.first == "(", rest.count > 15, let hash = rest.range(of: " # ", options: .backwards) else { return nil }
            let comment = rest[hash.upperBound...].split(separator: ",", maxSplits: 1)
            guard comment.count == 2 else { return nil }
            let vm = comment[1].drop { $0 == " " }.prefix { $0 != " " }
            var value = String(rest[rest.index(rest.startIndex, offsetBy: 15)..<hash.lowerBound])
            while value.last == " " { value.removeLast() }
            return DumpRecord(
                level: indent / 2, tag: String(rest.prefix(11)),
                vr: String(rest.dropFirst(12).prefix(2)), value: value,
                length: comment[0].trimmingCharacters(in: .whitespaces), multiplicity: String(vm))
        }
    }

    /// Bulk data is summarised in ours and printed in DCMTK's: compare everything else.
    var isBulk: Bool { value.hasPrefix("(bulk data, ") }
}

enum DumpListing {
    /// DCMTK's listing of `path`, UIDs as numbers (ours never maps them to names). dcmdump
    /// prints text values as the bytes of the file (`+U8` would re-encode the data set, with
    /// new lengths), so its output is read in the file's character set: Latin-1 for ISO_IR
    /// 100, UTF-8 otherwise.
    static func dcmdump(_ path: String, latin1: Bool = false) throws -> String {
        let child = try ChildProcess(try DCMTK.tool("dcmdump"), ["-Un", path])
        guard child.wait() == 0 else { throw Failure("dcmdump \(path) failed: \(child.stderr)") }
        let bytes = try Data(contentsOf: child.stdoutURL)
        return String(data: bytes, encoding: latin1 ? .isoLatin1 : .utf8) ?? ""
    }

    /// Compares two listings record by record; returns the differences, one per line.
    static func differences(ours: String, theirs: String) -> [String] {
        let a = DumpRecord.parse(ours), b = DumpRecord.parse(theirs)
        var out: [String] = []
        if a.count != b.count { out.append("ours has \(a.count) element lines, dcmdump \(b.count)") }
        for (x, y) in zip(a, b) {
            var y = y
            if x.isBulk { y.value = x.value }
            if x != y { out.append("ours: \(x)\ndcmdump: \(y)") }
        }
        return out
    }

    /// Runs a DCMTK tool, throwing with its output when it fails.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(try DCMTK.tool(tool), arguments)
        guard result.status == 0 else {
            throw Failure("\(tool) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }
}
