import DICOMProtocol
import FuzzSupport

/// PS3.8 §9.3 PDU decoding from a byte stream cut at arbitrary places.
///
/// Input: byte 0 seeds the piece sizes (1…64 bytes); the rest is the stream. The limits are
/// small (4 KiB P-DATA, 16 KiB A-ASSOCIATE) so oversize lengths are hit often. Checked:
/// - no trap, whatever the bytes;
/// - cutting the stream differently never changes the PDUs decoded nor where it fails;
/// - every decoded PDU re-encodes to bytes that decode to the same PDU.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDUDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var chunker = Chunker(seed: input.takeByte(), maximumPiece: 64)
    let stream = input.takeRest()

    let whole = decodeAll([stream])
    let pieces = decodeAll(chunker.pieces(of: stream))
    require(whole.pdus == pieces.pdus, "the PDUs depend on how the stream was cut")
    require(whole.failed == pieces.failed, "the failure depends on how the stream was cut")

    for pdu in whole.pdus {
        var decoder = makeDecoder()
        decoder.feed(pdu.encoded())
        let again = try? decoder.next()
        require(again == pdu, "\(pdu.name) does not survive encode → decode")
    }
    return 0
}

private func makeDecoder() -> PDUDecoder {
    PDUDecoder(maximumPDULength: 4_096, maximumAssociatePDULength: 16_384)
}

/// Feeds `pieces` in order, taking every PDU out after each; stops at the first error.
private func decodeAll(_ pieces: [ArraySlice<UInt8>]) -> (pdus: [PDU], failed: Bool) {
    var decoder = makeDecoder()
    var pdus: [PDU] = []
    for piece in pieces {
        decoder.feed(piece)
        do {
            while let pdu = try decoder.next() { pdus.append(pdu) }
        } catch {
            return (pdus, true)
        }
    }
    return (pdus, false)
}
