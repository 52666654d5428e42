/// A whole DICOM file as dcmdump lists it: the File Meta Information first, then the data
/// set, each under a `# Used TransferSyntax:` heading (see `DataSetDump` for the lines).
public enum Part10Dump {
    public static func lines(header: Part10Header, dataSet: DataSet) -> [String] {
        var out = [""]
        if let meta = header.fileMetaInformation {
            out += ["# Dicom-File-Format", "", "# Dicom-Meta-Information-Header"]
            out.append("# Used TransferSyntax: \(TransferSyntax.explicitVRLittleEndian.name)")
            out += DataSetDump(encoding: .explicitVRLittleEndian).lines(meta.elements)
            out.append("")
        }
        out.append("# Dicom-Data-Set")
        let guessed = header.fileMetaInformation == nil ? " (guessed: no File Meta Information)" : ""
        out.append("# Used TransferSyntax: \(header.transferSyntax.name)\(guessed)")
        let encoding = (try? header.dataSetEncoding()) ?? .explicitVRLittleEndian
        out += DataSetDump(encoding: encoding).lines(dataSet)
        return out
    }
}
