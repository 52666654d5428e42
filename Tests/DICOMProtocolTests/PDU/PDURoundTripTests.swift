import Testing
@testable import DICOMProtocol

@Suite("PS3.8 9.3 PDU round trips")
struct PDURoundTripTests {
    @Test("PS3.8 9.3 decode(encode(x)) == x for every PDU type and item", arguments: PDUSamples.all)
    func roundTrip(pdu: PDU) throws {
        let bytes = pdu.encoded()
        #expect(try PDU(decoding: bytes[...]) == pdu)
        // Encoding into a writer that already holds bytes appends the same PDU.
        var writer = ByteWriter()
        writer.writeUInt8(0xEE)
        pdu.encode(into: &writer)
        #expect(Array(writer.bytes.dropFirst()) == bytes)
    }

    @Test("PS3.8 Annex D every user-information sub-item survives, unknown ones as raw bytes")
    func userInformation() throws {
        guard case .associateRQ(let rq) = try PDU(decoding: PDU.associateRQ(PDUSamples.associateRQ).encoded()[...])
        else { Issue.record("not an A-ASSOCIATE-RQ"); return }
        let info = rq.userInformation
        #expect(info == PDUSamples.fullUserInformationRQ)
        #expect(info.unknownItems == [UserInformation.RawItem(type: 0x7A, reserved: 3, body: [9, 8, 7])])
        #expect(info.userIdentityRQ?.userIdentityType == 2)
        #expect(info.sopClassCommonExtendedNegotiations.first?.relatedGeneralSOPClassUIDs.count == 2)
    }

    @Test("PS3.5 6.2 AE titles: 16-byte space-padded field, trimmed title, padding not significant")
    func aeTitles() {
        let title = AETitle("PACS")
        #expect(title.field == Array("PACS            ".utf8))
        #expect(AETitle(field: Array("  PACS          ".utf8))?.value == "PACS")
        #expect(AETitle(field: Array("  PACS          ".utf8)) == title)
        #expect(AETitle(field: [0x41]) == nil)
        #expect(AETitle("ABCDEFGHIJKLMNOPQRS").value == "ABCDEFGHIJKLMNOP")
        #expect(AETitle(field: [UInt8](repeating: 0x20, count: 16))?.value == "")
    }

    @Test("PS3.8 Annex F UIDs padded with a trailing NUL by lenient peers decode without it")
    func paddedUID() throws {
        var ac = PDUSamples.associateAC
        ac.presentationContexts = [PresentationContextAC(id: 1, result: .acceptance, transferSyntax: "1.2.840.10008.1.2\0")]
        guard case .associateAC(let decoded) = try PDU(decoding: PDU.associateAC(ac).encoded()[...])
        else { Issue.record("not an A-ASSOCIATE-AC"); return }
        #expect(decoded.presentationContexts.first?.transferSyntax == "1.2.840.10008.1.2")
    }
}
