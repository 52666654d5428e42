import FuzzSupport
import PACSLink

/// The servers file reader: `IniDocument` (the ini syntax) and `ServersFile` (its sections
/// and every value checked), on any text.
///
/// Input: the file's bytes, read as UTF-8 (invalid sequences become U+FFFD, as when the
/// registry reads a file). Checked:
/// - no trap, whatever the text;
/// - a file that reads writes back (`text(header:file:)`) to a file that reads the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIniDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let text = String(decoding: input.takeRest(), as: UTF8.self)
    _ = try? IniDocument(parsing: text, file: "fuzz.ini")
    guard let file = try? ServersFile(parsing: text, file: "fuzz.ini", layer: .user),
        let written = try? file.text(header: ["fuzz"], file: "fuzz.ini")
    else { return 0 }
    let again = try? ServersFile(parsing: written, file: "fuzz.ini", layer: .user)
    require(again?.servers == file.servers, "the servers do not survive write → read")
    require(
        again?.local.elementsEqual(file.local, by: { $0 == $1 }) == true,
        "the [local] settings do not survive write → read")
    return 0
}
