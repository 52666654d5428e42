import Testing
@testable import DICOMProtocol

@Suite("PS3.8 9.3.5 and PS3.7 6.3.1 message fragmentation and assembly")
struct MessageFragmentationTests {
    /// A command set in Implicit VR Little Endian ending with Command Data Set Type (0000,0800):
    /// 0x0101 = no data set, 0x0000 = a data set follows. `padding` bytes of (0000,0002)-like
    /// filler make it long enough to fragment.
    static func command(hasDataSet: Bool, padding: Int = 18) -> [UInt8] {
        var w = ByteWriter()
        w.writeUInt16(0x0000, .littleEndian); w.writeUInt16(0x0002, .littleEndian)
        w.writeUInt32(UInt32(padding), .littleEndian)
        w.writeBytes(contentsOf: repeatElement(UInt8(ascii: "1"), count: padding))
        w.writeUInt16(0x0000, .littleEndian); w.writeUInt16(0x0800, .littleEndian)
        w.writeUInt32(2, .littleEndian)
        w.writeUInt16(hasDataSet ? 0x0000 : 0x0101, .littleEndian)
        return w.bytes
    }

    static func dataSet(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// Decodes `bytes` into PDUs (all must be P-DATA-TF) and returns their PDVs.
    static func pdvs(_ bytes: [UInt8], maximumLength: UInt32) throws -> [PresentationDataValue] {
        var decoder = PDUDecoder(maximumPDULength: maximumLength)
        decoder.feed(bytes)
        var out: [PresentationDataValue] = []
        while let pdu = try decoder.next() {
            guard case .pDataTF(let p) = pdu else { throw Failure("not a P-DATA-TF: \(pdu)") }
            let inPDU = Array(p.pdvs)
            #expect(inPDU.count == 1)
            out += inPDU
        }
        #expect(decoder.bufferedByteCount == 0)
        return out
    }

    struct Failure: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

    @Test("PS3.8 Annex E command fragments first, last-fragment bits right, every PDU within the peer's maximum")
    func fragments() throws {
        let command = Self.command(hasDataSet: true, padding: 40)
        let data = Self.dataSet(100)
        var fragmenter = MessageFragmenter(presentationContextID: 5, peerMaximumLength: 32)
        #expect(fragmenter.maximumFragmentLength == 20)
        var writer = ByteWriter()
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        #expect(!fragmenter.isFinished)
        fragmenter.writeDataSet(data, isLast: true, into: &writer)
        #expect(fragmenter.isFinished)

        let pdvs = try Self.pdvs(writer.bytes, maximumLength: 32)
        let commandPDVs = pdvs.prefix { $0.isCommand }
        let dataPDVs = pdvs.dropFirst(commandPDVs.count)
        #expect(commandPDVs.count == 3)  // 56 bytes in 20-byte fragments
        #expect(dataPDVs.count == 5)
        #expect(dataPDVs.allSatisfy { !$0.isCommand })
        #expect(commandPDVs.map(\.isLastFragment) == [false, false, true])
        #expect(dataPDVs.map(\.isLastFragment) == [false, false, false, false, true])
        #expect(pdvs.allSatisfy { $0.presentationContextID == 5 && $0.data.count <= 20 })
        #expect(commandPDVs.flatMap(\.data) == command)
        #expect(dataPDVs.flatMap(\.data) == data)
    }

    @Test("PS3.8 D.1 a maximum of 0 (unlimited) gets a sane fragment size")
    func unlimited() {
        #expect(MessageFragmenter(presentationContextID: 1, peerMaximumLength: 0).maximumFragmentLength == 65_536 - 12)
        #expect(MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384).maximumFragmentLength == 16_372)
        #expect(MessageFragmenter(presentationContextID: 1, peerMaximumLength: 4).maximumFragmentLength == 1)
    }

    @Test("PS3.7 6.3.1 a data set supplied in chunks of any size gives the same PDUs, holding back at most one fragment")
    func chunks() throws {
        let command = Self.command(hasDataSet: true)
        let data = Self.dataSet(10_000, seed: 7)
        func fragment(_ cuts: [Int]) -> [UInt8] {
            var fragmenter = MessageFragmenter(presentationContextID: 3, peerMaximumLength: 1_024)
            var writer = ByteWriter()
            fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
            var start = 0
            for (n, end) in (cuts + [data.count]).enumerated() {
                let before = writer.count
                fragmenter.writeDataSet(data[start..<end], isLast: n == cuts.count, into: &writer)
                // Streaming: what came in is written out, give or take one held-back fragment.
                let written = writer.count - before
                #expect(written <= (end - start) + 1_012 + 12 * ((end - start) / 1_012 + 2))
                start = end
            }
            return writer.bytes
        }
        let whole = fragment([])
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            let cuts = (0..<Int.random(in: 1...30, using: &rng)).map { _ in Int.random(in: 0...data.count, using: &rng) }.sorted()
            #expect(fragment(cuts) == whole)
        }
        // Chunks aligned to the fragment size, the last one empty: no empty trailing fragment
        // except the one that must carry the last-fragment bit.
        let aligned = fragment([1_012, 2_024, 10_000])
        #expect(aligned == whole)
    }

    @Test("PS3.8 9.3.5 fragments filled in place (a file read into the PDUs) are the same bytes as fragments of a copy; encodedLength is exact")
    func inPlace() throws {
        let command = Self.command(hasDataSet: true)
        for count in [0, 1, 1_011, 1_012, 1_013, 10_000] {
            let data = Self.dataSet(count, seed: UInt64(count))
            var copied = MessageFragmenter(presentationContextID: 3, peerMaximumLength: 1_024)
            var reference = ByteWriter()
            copied.writeCommand(command, hasDataSet: true, into: &reference)
            copied.writeDataSet(data, isLast: true, into: &reference)

            // Whole fragments per chunk (3 of 1,012 bytes), the last chunk what is left.
            var fragmenter = MessageFragmenter(presentationContextID: 3, peerMaximumLength: 1_024)
            var writer = ByteWriter()
            fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
            var bytes = writer.bytes
            var start = 0
            repeat {
                let length = min(3 * 1_012, count - start)
                let isLast = start + length == count
                let capacity = fragmenter.encodedLength(ofDataSet: length)
                var source = start
                let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    initialized = fragmenter.writeDataSet(count: length, isLast: isLast, into: UnsafeMutableRawBufferPointer(buffer)) {
                        fragment in
                        data[source..<source + fragment.count].withUnsafeBytes { fragment.copyMemory(from: $0) }
                        source += fragment.count
                    }
                }
                #expect(chunk.count == capacity)
                #expect(fragmenter.isFinished == isLast)
                bytes += chunk
                start += length
            } while start < count
            #expect(bytes == reference.bytes, "data set of \(count) bytes")
            #expect(try Self.pdvs(bytes, maximumLength: 1_024).last?.isLastFragment == true)
        }
    }

    @Test("a fragment limit below the peer's Maximum Length caps the fragments")
    func fragmentLimit() {
        #expect(MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384, fragmentLimit: 100).maximumFragmentLength == 100)
        #expect(MessageFragmenter(presentationContextID: 1, peerMaximumLength: 64, fragmentLimit: 100).maximumFragmentLength == 52)
    }

    @Test("PS3.8 Annex E a message without a data set, and an empty data set")
    func edges() throws {
        var writer = ByteWriter()
        var fragmenter = MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384)
        fragmenter.writeCommand(Self.command(hasDataSet: false), hasDataSet: false, into: &writer)
        #expect(fragmenter.isFinished)
        #expect(try Self.pdvs(writer.bytes, maximumLength: 16_384).map(\.isLastFragment) == [true])

        writer = ByteWriter()
        fragmenter = MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384)
        fragmenter.writeCommand(Self.command(hasDataSet: true), hasDataSet: true, into: &writer)
        fragmenter.writeDataSet([UInt8](), isLast: true, into: &writer)
        let pdvs = try Self.pdvs(writer.bytes, maximumLength: 16_384)
        #expect(pdvs.count == 2)
        #expect(pdvs[1].data.isEmpty && pdvs[1].isLastFragment && !pdvs[1].isCommand)
    }

    @Test("PS3.7 6.3.1 fragment then assemble: command whole, data set streamed, message complete")
    func assemble() throws {
        let command = Self.command(hasDataSet: true, padding: 100)
        let data = Self.dataSet(5_000)
        var fragmenter = MessageFragmenter(presentationContextID: 7, peerMaximumLength: 64)
        var writer = ByteWriter()
        fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
        fragmenter.writeDataSet(data, isLast: true, into: &writer)
        // A command-only message follows on another context.
        var second = MessageFragmenter(presentationContextID: 1, peerMaximumLength: 64)
        second.writeCommand(Self.command(hasDataSet: false), hasDataSet: false, into: &writer)

        var assembler = MessageAssembler()
        var commands: [[UInt8]] = []
        var received: [UInt8] = []
        var completed: [UInt8] = []
        var fragments = 0
        for pdv in try Self.pdvs(writer.bytes, maximumLength: 64) {
            try assembler.consume(pdv) { event in
                switch event {
                case .command(_, let bytes, _): commands.append(bytes)
                case .dataSetFragment(let id, let bytes, _):
                    #expect(id == 7)
                    fragments += 1
                    received += bytes
                case .messageComplete(let id): completed.append(id)
                }
            }
        }
        #expect(commands == [command, Self.command(hasDataSet: false)])
        #expect(received == data)
        #expect(fragments == (5_000 + 51) / 52)
        #expect(completed == [7, 1])
        #expect(assembler.isIdle)
    }

    static func pdv(_ id: UInt8, command: Bool, last: Bool, _ data: [UInt8] = [1]) -> PresentationDataValue {
        PresentationDataValue(presentationContextID: id, isCommand: command, isLastFragment: last, data: data[...])
    }

    static func violation(_ pdvs: [PresentationDataValue]) -> ProtocolError? {
        var assembler = MessageAssembler()
        do {
            for pdv in pdvs { try assembler.consume(pdv) { _ in } }
            return nil
        } catch {
            return error as? ProtocolError
        }
    }

    @Test("PS3.8 Annex E protocol errors: data before command, context change, command after the last, bad command")
    func violations() {
        let withData = Self.command(hasDataSet: true)
        #expect(Self.violation([Self.pdv(1, command: false, last: true)])?.detail.contains("before any command") == true)
        #expect(Self.violation([Self.pdv(1, command: true, last: false), Self.pdv(1, command: false, last: true)])?
            .detail.contains("before the last command fragment") == true)
        #expect(Self.violation([Self.pdv(1, command: true, last: false), Self.pdv(3, command: true, last: true)])?
            .detail.contains("changed from 1 to 3") == true)
        #expect(Self.violation([Self.pdv(1, command: true, last: true, withData), Self.pdv(3, command: false, last: true)])?
            .detail.contains("changed from 1 to 3") == true)
        #expect(Self.violation([Self.pdv(1, command: true, last: true, withData), Self.pdv(1, command: true, last: true)])?
            .detail.contains("after the last command fragment") == true)
        #expect(Self.violation([Self.pdv(1, command: true, last: true, [0, 0, 0, 0])])?.field == "(0000,0800) CommandDataSetType")
        #expect(Self.violation([Self.pdv(1, command: true, last: true, withData), Self.pdv(1, command: false, last: true)]) == nil)
        var small = MessageAssembler(maximumCommandLength: 8)
        #expect(throws: ProtocolError.self) { try small.consume(Self.pdv(1, command: true, last: false, withData)) { _ in } }
    }
}
