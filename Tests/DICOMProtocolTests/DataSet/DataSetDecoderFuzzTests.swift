import Testing
@testable import DICOMProtocol

/// Hostile input never traps (PS3.5 decoding must be total): random bytes and damaged
/// encodings of a rich data set each end in a data set or a `ProtocolError`.
@Suite("PS3.5 decoder robustness")
struct DataSetDecoderFuzzTests {
    @Test("100,000 random and truncated inputs end in a value or a ProtocolError", arguments: DataSetCodecTests.encodings)
    func randomInputs(encoding: DataSetEncoding) throws {
        var rng = ByteFuzzer(seed: 0x5EED_0000 + UInt64(encoding.explicitVR ? 1 : 0) + (encoding.byteOrder == .bigEndian ? 2 : 0))
        var sample = try DataSetCodecTests.sample(undefinedLengths: true)
        if encoding.explicitVR {
            sample.insert(DataElement(tag: .pixelData, vr: .OB, value: .fragments([[], [1, 2, 3, 4]])))
        }
        let valid = try DataSetEncoder(encoding: encoding).encode(sample)
        let decoder = DataSetDecoder(encoding: encoding, maximumDepth: 8)
        let encoder = DataSetEncoder(encoding: encoding)
        var decoded = 0, failed = 0
        for i in 0..<34_000 {
            let input = i % 2 == 0 ? rng.bytes(Int.random(in: 0...48, using: &rng)) : rng.mutated(valid)
            do {
                let dataSet = try decoder.decode(input)
                _ = try encoder.encode(dataSet)
                decoded += 1
            } catch {
                #expect((error.offset ?? 0) <= input.count)
                failed += 1
            }
        }
        #expect(decoded > 100 && failed > 100)
    }
}
