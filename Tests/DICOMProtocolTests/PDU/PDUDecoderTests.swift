import Testing
@testable import DICOMProtocol

@Suite("PS3.8 9.3 incremental PDU decoder")
struct PDUDecoderTests {
    @Test("PS3.8 9.3 PDUs fed one byte at a time come out whole, nil until then")
    func byteByByte() throws {
        var decoder = PDUDecoder(maximumPDULength: 0)
        var out: [PDU] = []
        for byte in PDUSamples.all.flatMap({ $0.encoded() }) {
            decoder.feed([byte])
            while let pdu = try decoder.next() { out.append(pdu) }
        }
        #expect(out == PDUSamples.all)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test("PS3.8 D.1 a P-DATA-TF longer than the negotiated maximum is refused from its header alone")
    func maximumLength() throws {
        var decoder = PDUDecoder(maximumPDULength: 16_384)
        decoder.feed(hex("04 00 00 00 40 01"))  // PDU-length 16385, no body yet
        #expect(throws: ProtocolError.self) { try decoder.next() }
        do {
            _ = try decoder.next()
            Issue.record("a failed decoder must keep failing")
        } catch {
            #expect(error.kind == .tooLong)
            #expect(error.field == "P-DATA-TF PDU-length")
        }
        // Exactly the maximum is fine.
        var exact = PDUDecoder(maximumPDULength: 12)
        exact.feed(PDataTF.bytes(payload: 6))
        #expect(try exact.next() != nil)
    }

    @Test("PS3.8 9.3.2 association PDUs have their own, larger limit; 0 means unlimited")
    func associateLimit() throws {
        let rq = PDU.associateRQ(PDUSamples.associateRQ).encoded()
        var small = PDUDecoder(maximumPDULength: 16, maximumAssociatePDULength: 4096)
        small.feed(rq)
        #expect(try small.next() == .associateRQ(PDUSamples.associateRQ))
        var tiny = PDUDecoder(maximumPDULength: 1 << 20, maximumAssociatePDULength: 100)
        tiny.feed(rq.prefix(6))
        #expect(throws: ProtocolError(.tooLong, field: "A-ASSOCIATE-RQ PDU-length", offset: 2,
            "\(rq.count - 6) bytes exceeds the association PDU length of 100")) { try tiny.next() }
        var unlimited = PDUDecoder(maximumPDULength: 0)
        unlimited.feed(hex("04 00 ff ff ff ff"))
        #expect(try unlimited.next() == nil)
    }

    @Test("PS3.8 9.3 unknown PDU types are rejected as soon as the type byte is seen")
    func unknownType() {
        var decoder = PDUDecoder()
        decoder.feed(hex("08 00 00 00 00 00"))
        #expect(throws: ProtocolError.self) { try decoder.next() }
        var zero = PDUDecoder()
        zero.feed(hex("00 00 00 00 00 00"))
        #expect { try zero.next() } throws: { ($0 as? ProtocolError)?.kind == .unsupported }
    }

    @Test("PS3.8 9.3.2.2 an item longer than its PDU is a truncated item")
    func truncatedItem() throws {
        var bytes = PDU.associateRQ(PDUSamples.associateRQ).encoded()
        bytes[6 + 68 + 2] = 0xFF  // application context item claims 0xFF15 bytes, far past the PDU end
        #expect { try PDU(decoding: bytes[...]) } throws: { ($0 as? ProtocolError)?.kind == .truncated }
    }

    @Test("PS3.8 9.3 inconsistent lengths: extra bytes in a fixed item, a PDV shorter than its header")
    func inconsistentLengths() {
        // A-ABORT with PDU-length 5 (one byte too many for Table 9-26).
        #expect { try PDU(decoding: hex("07 00 00 00 00 05 00 00 02 02 00")[...]) } throws: {
            ($0 as? ProtocolError)?.kind == .malformed
        }
        // Maximum Length sub-item of 3 bytes.
        #expect { try PDU(decoding: Self.associateAC(userInformation: hex("51 00 00 03 00 40 00"))[...]) } throws: {
            ($0 as? ProtocolError)?.kind == .truncated
        }
        // PDV item of length 1 (must hold at least the context ID and the header).
        #expect { try PDU(decoding: hex("04 00 00 00 00 05 00 00 00 01 01")[...]) } throws: {
            ($0 as? ProtocolError)?.kind == .malformed
        }
        // P-DATA-TF without any PDV.
        #expect(throws: ProtocolError.self) { try PDU(decoding: hex("04 00 00 00 00 00")[...]) }
        // Role selection with a role byte of 2.
        #expect { try PDU(decoding: Self.associateAC(userInformation: hex("54 00 00 05 00 01 31 02 00"))[...]) } throws: {
            ($0 as? ProtocolError)?.kind == .invalidValue
        }
    }

    @Test("PS3.8 9.3.5 decoded PDV payloads are slices of the receive buffer, not copies")
    func zeroCopy() throws {
        var decoder = PDUDecoder()
        let payload = 4096
        decoder.feed(PDataTF.bytes(payload: payload) + PDataTF.bytes(payload: payload))
        var bases: [UnsafeRawPointer] = []
        for _ in 0..<2 {
            guard case .pDataTF(let p) = try decoder.next(), let pdv = p.pdvs.first(where: { _ in true }) else {
                Issue.record("expected a P-DATA-TF"); return
            }
            #expect(pdv.data.count == payload)
            pdv.data.withUnsafeBufferPointer { bases.append(UnsafeRawPointer($0.baseAddress!)) }
            p.items.withUnsafeBufferPointer { #expect(UnsafeRawPointer($0.baseAddress!) + 6 == bases.last!) }
        }
        // Both PDVs live in the same storage, one PDU apart.
        #expect(bases[1] - bases[0] == payload + 12)
    }

    /// An A-ASSOCIATE-AC whose user information item holds `userInformation` (sub-item bytes).
    static func associateAC(userInformation: [UInt8]) -> [UInt8] {
        var ac = PDUSamples.associateAC
        ac.userInformation = UserInformation()
        var bytes = PDU.associateAC(ac).encoded()
        // The empty user information item ends the PDU: grow it and the PDU.
        bytes.append(contentsOf: userInformation)
        bytes[bytes.count - userInformation.count - 1] = UInt8(userInformation.count)
        let length = UInt32(bytes.count - 6)
        bytes.replaceSubrange(2..<6, with: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
        return bytes
    }
}

extension PDataTF {
    /// A P-DATA-TF with one data PDV of `payload` bytes (PDU-length = payload + 6).
    static func bytes(payload: Int) -> [UInt8] {
        var writer = ByteWriter()
        encode(presentationContextID: 1, isCommand: false, isLastFragment: false,
            data: (0..<payload).map { UInt8(truncatingIfNeeded: $0) }, into: &writer)
        return writer.bytes
    }
}
