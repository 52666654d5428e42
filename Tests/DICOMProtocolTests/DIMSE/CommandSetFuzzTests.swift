import Testing
@testable import DICOMProtocol

@Suite("PS3.7 command set decoder robustness")
struct CommandSetFuzzTests {
    @Test("100,000 random and damaged command sets end in a command or a ProtocolError")
    func randomCommandSets() throws {
        var rng = ByteFuzzer(seed: 0xD1_5E)
        let valid = try CommandSetTests.messages.map { try $0.encoded() }
        var decoded = 0, failed = 0
        for i in 0..<100_000 {
            let input = i % 4 == 0 ? rng.bytes(Int.random(in: 0...40, using: &rng)) : rng.mutated(valid[i % valid.count])
            do {
                _ = try DIMSECommand(decoding: input[...])
                decoded += 1
            } catch {
                failed += 1
            }
        }
        #expect(decoded > 100 && failed > 100)
    }
}
