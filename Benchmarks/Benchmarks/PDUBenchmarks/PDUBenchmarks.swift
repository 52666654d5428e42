// PDU, fragmenter and assembler benchmarks (PS3.8 §9.3, PS3.7 §6.3.1).
// Each benchmark builds its state, warms it with one operation (so buffers have reached their
// steady-state capacity), then measures `scaledIterations` operations: the malloc counts are
// those of the steady state, which for decoding a P-DATA-TF must be zero.
import Benchmark
import DICOMProtocol

let benchmarks: @Sendable () -> Void = {
    /// Tolerances of `swift package benchmark thresholds check` against Thresholds/ (p90). Time on
    /// shared cores is noisy, so it flags a doubling; malloc counts are
    /// deterministic and flag 5%, or 100 per iteration (0.1 per operation at `.kilo`) for the
    /// benchmarks that allocate nothing, which a relative tolerance cannot see grow.
    let checked: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: BenchmarkThresholds(relative: [.p90: 100]),
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5], absolute: [.p90: 100]),
    ]

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        thresholds: checked)

    Benchmark("PDU.Decode.AssociateRQ") { benchmark in
        let bytes = PDU.associateRQ(Samples.associateRQ).encoded()
        var decoder = PDUDecoder()
        decoder.feed(bytes)
        blackHole(try decoder.next())
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            decoder.feed(bytes)
            blackHole(try decoder.next())
        }
    }

    Benchmark("PDU.Encode.AssociateRQ") { benchmark in
        let pdu = PDU.associateRQ(Samples.associateRQ)
        var writer = ByteWriter(capacity: 1024)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            writer.removeAll()
            pdu.encode(into: &writer)
            blackHole(writer.count)
        }
    }

    Benchmark("PDU.Decode.PDataTF16KiB") { benchmark in
        let bytes = Samples.pDataTF16KiB
        var decoder = PDUDecoder()
        var sum = 0
        func decodeOne() throws {
            decoder.feed(bytes)
            guard case .pDataTF(let p) = try decoder.next() else { fatalError("not a P-DATA-TF") }
            for pdv in p.pdvs { sum &+= pdv.data.count }
        }
        try decodeOne()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try decodeOne() }
        blackHole(sum)
    }

    Benchmark("PDU.Encode.PDataTF16KiB") { benchmark in
        let payload = [UInt8](repeating: 0x5A, count: 16_384 - 12)
        var writer = ByteWriter(capacity: 16_384)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            writer.removeAll()
            PDataTF.encode(presentationContextID: 1, isCommand: false, isLastFragment: true, data: payload, into: &writer)
            blackHole(writer.count)
        }
    }

    let megabyte = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], warmupIterations: 3, scalingFactor: .one,
        maxDuration: .seconds(2), maxIterations: 200, thresholds: checked)

    Benchmark("Fragment.Message1MiB.PDUs16KiB", configuration: megabyte) { benchmark in
        let command = Samples.cStoreCommand
        let dataSet = [UInt8](repeating: 0xA5, count: 1 << 20)
        var writer = ByteWriter(capacity: (1 << 20) + 4096)
        func fragmentOne() {
            writer.removeAll()
            var fragmenter = MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384)
            fragmenter.writeCommand(command, hasDataSet: true, into: &writer)
            // Supplied as a file reader would: 64 KiB at a time.
            var offset = 0
            while offset < dataSet.count {
                let end = min(offset + 65_536, dataSet.count)
                fragmenter.writeDataSet(dataSet[offset..<end], isLast: end == dataSet.count, into: &writer)
                offset = end
            }
            blackHole(writer.count)
        }
        fragmentOne()  // touches the output buffer's pages outside the measurement
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { fragmentOne() }
    }

    Benchmark("Assemble.Message1MiB.PDUs16KiB", configuration: megabyte) { benchmark in
        let wire = Samples.fragmented1MiB
        var decoder = PDUDecoder()
        var assembler = MessageAssembler()
        func assembleOne() throws {
            var received = 0
            // Fed as a socket would deliver it: 64 KiB reads.
            var offset = 0
            while offset < wire.count {
                let end = min(offset + 65_536, wire.count)
                decoder.feed(wire[offset..<end])
                offset = end
                while case .pDataTF(let p)? = try decoder.next() {
                    try assembler.consume(p) { event in
                        if case .dataSetFragment(_, let bytes, _) = event { received &+= bytes.count }
                    }
                }
            }
            precondition(received == 1 << 20 && assembler.isIdle, "the message was not reassembled")
        }
        try assembleOne()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try assembleOne() }
    }
}

enum Samples {
    static let associateRQ = AssociateRQ(
        calledAETitle: AETitle("STORESCP"), callingAETitle: AETitle("PACSLINK"),
        presentationContexts: (0..<16).map { i in
            PresentationContextRQ(
                id: UInt8(2 * i + 1), abstractSyntax: "1.2.840.10008.5.1.4.1.1.\(i + 1)",
                transferSyntaxes: ["1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2"])
        },
        userInformation: UserInformation(
            maximumLength: 16_384, implementationClassUID: "1.2.826.0.1.3680043.10.1",
            implementationVersionName: "PACSLINK"))

    static let pDataTF16KiB: [UInt8] = {
        var writer = ByteWriter()
        PDataTF.encode(
            presentationContextID: 1, isCommand: false, isLastFragment: false,
            data: [UInt8](repeating: 0x5A, count: 16_384 - 12), into: &writer)
        return writer.bytes
    }()

    /// A C-STORE-RQ-like command set (Implicit VR LE) announcing a data set: (0000,0800) = 0x0000.
    static let cStoreCommand: [UInt8] = {
        var w = ByteWriter()
        for (element, value) in [(UInt16(0x0002), Array("1.2.840.10008.5.1.4.1.1.2".utf8) + [0]),
                                 (UInt16(0x0800), [0, 0])] {
            w.writeUInt16(0, .littleEndian)
            w.writeUInt16(element, .littleEndian)
            w.writeUInt32(UInt32(value.count), .littleEndian)
            w.writeBytes(contentsOf: value)
        }
        return w.bytes
    }()

    static let fragmented1MiB: [UInt8] = {
        var writer = ByteWriter()
        var fragmenter = MessageFragmenter(presentationContextID: 1, peerMaximumLength: 16_384)
        fragmenter.writeCommand(cStoreCommand, hasDataSet: true, into: &writer)
        fragmenter.writeDataSet([UInt8](repeating: 0xA5, count: 1 << 20), isLast: true, into: &writer)
        return writer.bytes
    }()
}
