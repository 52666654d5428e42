import ArgumentParser
import DICOMProtocol
import Foundation
import PACSLink

/// `pacslink dump FILE… [--json]`: prints DICOM files the way DCMTK's dcmdump does, or in the
/// DICOM JSON Model (PS3.18 Annex F). A file that cannot be read gets one line on stderr
/// (file and byte offset) and the others still print.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print DICOM files: their File Meta Information and data set.",
        discussion: """
            Text output follows dcmdump's layout: tag, VR, value in brackets, then \
            "# length, VM Keyword"; items and sequences are indented with their delimiters. \
            UIDs print as numbers; text is shown in UTF-8.

            Bulk data (pixel data, and binary values longer than \(BulkData.inlineLimit) bytes) \
            is not printed: the text shows "(bulk data, N bytes)", and --json replaces \
            "InlineBinary" with "\(DICOMJSONEncoder.bulkDataLengthKey)": N (for encapsulated \
            pixel data, the total of all fragments).

            --json prints one JSON array with one DICOM JSON data set per readable file, in \
            the order given; like dcm2json, it leaves out the File Meta Information and \
            reports Specific Character Set as ISO_IR 192, the text being UTF-8.

            A file that cannot be read (missing, not DICOM, truncated) is reported on stderr \
            as "FILE: at byte N: what was wrong"; the other files still print, and the exit \
            status is 1.
            """)

    @Argument(help: "DICOM files (Part 10).")
    var files: [String]

    @Flag(help: "Print the data sets in the DICOM JSON Model (PS3.18 Annex F).")
    var json = false

    @Flag(help: "Also read files without preamble and DICM prefix, as bare data sets (the transfer syntax is guessed).")
    var raw = false

    func run() throws {
        var failed = false
        var documents: [JSONValue] = []
        for (index, path) in files.enumerated() {
            do {
                let file = try DICOMFile(path: path, allowRawDataSet: raw)
                if file.header.fileMetaInformation == nil {
                    warn("\(path): no File Meta Information; read as a bare data set in \(file.header.transferSyntax.name) (guessed)")
                }
                let dataSet = try file.readDataSet()
                if json {
                    documents.append(DICOMJSONEncoder.encode(dataSet))
                } else {
                    if files.count > 1 { print("# pacslink dump (\(index + 1)/\(files.count)): \(path)") }
                    print(Part10Dump.lines(header: file.header, dataSet: dataSet).joined(separator: "\n"))
                }
            } catch {
                warn("\(error)")
                failed = true
            }
        }
        if json { print(JSONValue.array(documents).serialized()) }
        if failed { throw ExitCode.failure }
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("pacslink dump: \(message)\n".utf8))
    }
}
