import Testing
@testable import DICOMProtocol

@Suite("PS3.8 9.3 hostile input")
struct PDUFuzzTests {
    /// Decodes `input` completely: every outcome (PDUs, nil, a typed error) is acceptable,
    /// a trap is not. Returns how many PDUs came out.
    @discardableResult
    static func decodeAll(_ input: [UInt8], limit: UInt32) -> Int {
        var decoder = PDUDecoder(maximumPDULength: limit, maximumAssociatePDULength: limit)
        decoder.feed(input)
        var count = 0
        do {
            while try decoder.next() != nil { count += 1 }
        } catch {
            // Typed by construction: next() throws only ProtocolError.
        }
        return count
    }

    @Test("PS3.8 9.3 100,000 mutated, truncated and random inputs end in a PDU, nil or a ProtocolError")
    func neverTraps() {
        var rng = SeededGenerator(seed: 0x5041_4353_4C49_4E4B)
        let seeds = PDUSamples.all.map { $0.encoded() }
        var decoded = 0
        for round in 0..<100_000 {
            var input: [UInt8]
            switch round % 4 {
            case 0:  // a valid PDU cut short
                let seed = seeds[round % seeds.count]
                input = Array(seed.prefix(Int.random(in: 0...seed.count, using: &rng)))
            case 1, 2:  // a valid PDU with a few bytes overwritten (lengths and types included)
                input = seeds[round % seeds.count]
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    input[Int.random(in: 0..<input.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            default:  // noise, with a plausible PDU header half of the time
                input = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                if input.count >= 6 && round % 8 == 3 {
                    input[0] = UInt8.random(in: 1...7, using: &rng)
                    input[2] = 0; input[3] = 0; input[4] = 0
                    input[5] = UInt8(input.count - 6)
                }
            }
            decoded += Self.decodeAll(input, limit: 4096)
        }
        // Sanity: the corpus is not all garbage — many mutated PDUs still decode.
        #expect(decoded > 10_000)
    }
}
