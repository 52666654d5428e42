import DICOMProtocol
import FuzzSupport

/// PS3.5 §7 data set decoding in all three encodings (Implicit VR LE, Explicit VR LE and BE).
///
/// Input: the data set bytes, decoded under each encoding. Checked:
/// - no trap, whatever the bytes;
/// - encoding is stable: a decoded data set that encodes gives bytes that decode to a data set
///   encoding to the same bytes (the first encoding may normalize, e.g. pad odd lengths);
/// - the dump of a decoded data set (what `pacslink dump` prints) never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataSetDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let bytes = input.takeRest()
    for encoding in [DataSetEncoding.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian] {
        guard let dataSet = try? DataSetDecoder(encoding: encoding).decode(bytes) else { continue }
        _ = DataSetDump(encoding: encoding).lines(dataSet)
        let encoder = DataSetEncoder(encoding: encoding)
        guard let encoded = try? encoder.encode(dataSet) else { continue }
        let again = try? encoder.encode(DataSetDecoder(encoding: encoding).decode(encoded))
        require(again == encoded, "a decoded \(encoding) data set does not survive encode → decode → encode")
    }
    return 0
}
