import DICOMProtocol
import FuzzSupport

/// PS3.10 §7.1 file header parsing, then the data set it announces.
///
/// Input: byte 0 bit 0 sets `allowRawDataSet` (as `pacslink dump` does for bare data sets);
/// the rest is the file. Checked:
/// - no trap, whatever the bytes;
/// - reading the file as it grows (`endOfInput: false` on its prefixes) asks for more bytes
///   until it gives the header that reading it whole gives (or fails where that fails too);
/// - the data set after the header decodes or throws, and its dump never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPart10Header(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let allowRaw = input.takeByte() & 1 == 1
    let file = Array(input.takeRest())[...]

    let whole = Result { () throws(ProtocolError) in
        try Part10Header.parse(file, endOfInput: true, allowRawDataSet: allowRaw)
    }
    // Every 7th prefix keeps an execution fast; over the corpus every cut is reached.
    for end in stride(from: 0, to: file.count, by: 7) {
        let partial = Result { () throws(ProtocolError) in
            try Part10Header.parse(file[..<end], endOfInput: false, allowRawDataSet: allowRaw)
        }
        switch partial {
        case .success(nil): continue
        case .success(let header?):
            require(header == (try? whole.get()), "a \(end)-byte prefix gave another header than the whole file")
        case .failure(let error):
            require((try? whole.get()) == nil, "a \(end)-byte prefix threw (\(error)) but the whole file parses")
        }
        break
    }

    guard let header = try? whole.get(), header.dataSetOffset <= file.count,
        let encoding = try? header.dataSetEncoding(),
        let dataSet = try? DataSetDecoder(encoding: encoding).decode(file[header.dataSetOffset...])
    else { return 0 }
    _ = Part10Dump.lines(header: header, dataSet: dataSet)
    return 0
}
