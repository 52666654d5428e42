import Testing
@testable import DICOMProtocol

@Suite("PS3.8 Annex E hostile PDV streams")
struct MessageAssemblerFuzzTests {
    @Test("100,000 random PDVs (flags, context IDs, sizes) end in events or a ProtocolError, never a trap")
    func randomPDVs() throws {
        var random = ByteFuzzer(seed: 0x4153_534D)  // "ASSM"
        var assembler = MessageAssembler(maximumCommandLength: 256)
        // Valid commands (with and without a data set) mixed with noise, so that whole
        // messages complete as well as fail.
        let commands = [
            try CEchoRQ(messageID: 7, affectedSOPClassUID: SOPClass.verification.uid).encoded(),
            try CStoreRQ(messageID: 9, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.1.7",
                     affectedSOPInstanceUID: "1.2.3.4").encoded(),
        ]
        var outcomes = (events: 0, errors: 0)
        for _ in 0..<100_000 {
            let data = Bool.random(using: &random)
                ? commands[Int.random(in: 0...1, using: &random)]
                : random.bytes(Int.random(in: 0...300, using: &random))
            let pdv = PresentationDataValue(
                presentationContextID: UInt8.random(in: 1...5, using: &random) | 1,
                isCommand: Bool.random(using: &random),
                isLastFragment: Bool.random(using: &random),
                data: data[...])
            do {
                try assembler.consume(pdv) { _ in outcomes.events += 1 }
            } catch let error as ProtocolError {
                outcomes.errors += 1
                #expect(!error.field.isEmpty)
                assembler = MessageAssembler(maximumCommandLength: 256)
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
        // Both paths are exercised: random streams are mostly wrong, but not always.
        #expect(outcomes.events > 1_000)
        #expect(outcomes.errors > 1_000)
    }
}
