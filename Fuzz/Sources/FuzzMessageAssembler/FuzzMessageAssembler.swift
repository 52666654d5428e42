import DICOMProtocol
import FuzzSupport

/// PS3.8 Annex E / PS3.7 §6.3.1: rebuilding DIMSE messages from PDVs, then decoding their
/// command sets.
///
/// Input: a sequence of PDVs, each `[flags] [length] [length bytes of data]`: flags bit 0 =
/// command, bit 1 = last fragment, bits 2–3 pick the presentation context (1, 3, 5 or 7).
/// Checked:
/// - no trap, whatever the PDVs;
/// - after `messageComplete` the assembler is idle, and data set fragments are the PDV's bytes;
/// - a decoded command re-encodes to a command set that decodes to the same command (a UID
///   with a byte ≥ 0x80 once changed on every round trip — found by this target,
///   docs/reliability.md, finding 1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessageAssembler(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var assembler = MessageAssembler(maximumCommandLength: 1_024)
    while !input.isEmpty {
        let flags = input.takeByte()
        let length = Int(input.takeByte())
        let pdv = PresentationDataValue(
            presentationContextID: 1 + 2 * (flags >> 2 & 3), isCommand: flags & 1 == 1,
            isLastFragment: flags & 2 == 2, data: input.take(upTo: length))
        var completed = false
        do {
            try assembler.consume(pdv) { event in
                switch event {
                case .command(_, let bytes, _): checkCommand(bytes)
                case .dataSetFragment(_, let bytes, _): require(bytes == pdv.data, "a fragment is not its PDV's data")
                case .messageComplete: completed = true
                }
            }
        } catch {
            return 0  // the association would be aborted here
        }
        if completed { require(assembler.isIdle, "the assembler is not idle after a complete message") }
    }
    return 0
}

private func checkCommand(_ bytes: [UInt8]) {
    guard let command = try? DIMSECommand(decoding: bytes[...]) else { return }
    _ = command.description
    guard let encoded = try? command.encoded() else { return }
    let again = try? DIMSECommand(decoding: encoded[...])
    require(again != nil, "\(command) encodes to a command set that does not decode: \(encoded)")
    require(again == command, "\(command) does not survive encode → decode: \(encoded)")
}
