import Testing
@testable import DICOMProtocol

/// Golden command sets captured from DCMTK 3.6.7 (`echoscu`, `storescu` against `storescp`)
/// on the wire, P-DATA-TF and PDV headers removed.
@Suite("PS3.7 9.3 command sets")
struct CommandSetTests {
    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            out.append(UInt8(s[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    // (0000,0000) UL 56, (0000,0002) UI 1.2.840.10008.1.1, (0000,0100) US 0x0030,
    // (0000,0110) US 1, (0000,0800) US 0x0101
    static let echoRQ = hex(
        "0000000004000000380000000000020012000000312e322e3834302e31303030382e312e3100000000010200000030000000100102000000010000000008020000000101")
    // (0000,0000) UL 66, (0000,0002) UI 1.2.840.10008.1.1, (0000,0100) US 0x8030,
    // (0000,0120) US 1, (0000,0800) US 0x0101, (0000,0900) US 0x0000
    static let echoRSP = hex(
        "0000000004000000420000000000020012000000312e322e3834302e31303030382e312e310000000001020000003080000020010200000001000000000802000000010100000009020000000000")
    // (0000,0002) UI Secondary Capture, (0000,0100) 0x0001, (0000,0110) 1, (0000,0700) 0,
    // (0000,0800) 0x0001, (0000,1000) UI 1.2.3.4.5
    static let storeRQ = hex(
        "00000000040000005c000000000002001a000000312e322e3834302e31303030382e352e312e342e312e312e370000000001020000000100000010010200000001000000000702000000000000000008020000000100000000100a000000312e322e332e342e3500")
    static let storeRSP = hex(
        "00000000040000005c000000000002001a000000312e322e3834302e31303030382e352e312e342e312e312e370000000001020000000180000020010200000001000000000802000000010100000009020000000000000000100a000000312e322e332e342e3500")

    static let verification = "1.2.840.10008.1.1"
    static let secondaryCapture = "1.2.840.10008.5.1.4.1.1.7"

    @Test("PS3.7 Table 9.3-12 C-ECHO-RQ matches DCMTK byte for byte")
    func echoRQGolden() throws {
        let rq = CEchoRQ(messageID: 1, affectedSOPClassUID: Self.verification)
        #expect(try rq.encoded() == Self.echoRQ)
        #expect(try DIMSECommand(decoding: Self.echoRQ[...]) == .cEchoRQ(rq))
    }

    @Test("PS3.7 Table 9.3-13 C-ECHO-RSP matches DCMTK byte for byte")
    func echoRSPGolden() throws {
        let rsp = CEchoRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: Self.verification, status: .success)
        #expect(try rsp.encoded() == Self.echoRSP)
        let decoded = try DIMSECommand(decoding: Self.echoRSP[...])
        #expect(decoded == .cEchoRSP(rsp))
        #expect(decoded.messageID == 1 && !decoded.hasDataSet)
    }

    @Test("PS3.7 Tables 9.3-1/9.3-2 C-STORE-RQ and C-STORE-RSP match DCMTK byte for byte")
    func storeGolden() throws {
        let rq = CStoreRQ(messageID: 1, affectedSOPClassUID: Self.secondaryCapture, affectedSOPInstanceUID: "1.2.3.4.5")
        #expect(try rq.encoded() == Self.storeRQ)
        #expect(try DIMSECommand(decoding: Self.storeRQ[...]) == .cStoreRQ(rq))
        let rsp = CStoreRSP(
            messageIDBeingRespondedTo: 1, affectedSOPClassUID: Self.secondaryCapture,
            affectedSOPInstanceUID: "1.2.3.4.5", status: .success)
        #expect(try rsp.encoded() == Self.storeRSP)
        #expect(try DIMSECommand(decoding: Self.storeRSP[...]) == .cStoreRSP(rsp))
    }

    static let messages: [DIMSECommand] = [
        .cStoreRQ(CStoreRQ(messageID: 7, affectedSOPClassUID: secondaryCapture, affectedSOPInstanceUID: "1.2.3", priority: .high, moveOriginatorAETitle: "MOVESCU", moveOriginatorMessageID: 42)),
        .cStoreRSP(CStoreRSP(messageIDBeingRespondedTo: 7, affectedSOPClassUID: nil, affectedSOPInstanceUID: nil, status: DIMSEStatus(code: 0xA701), errorComment: "disk full")),
        .cFindRQ(CFindRQ(messageID: 3, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.1", priority: .low)),
        .cFindRSP(CFindRSP(messageIDBeingRespondedTo: 3, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.1", status: .pending, hasDataSet: true)),
        .cFindRSP(CFindRSP(messageIDBeingRespondedTo: 3, affectedSOPClassUID: nil, status: .success, hasDataSet: false)),
        .cMoveRQ(CMoveRQ(messageID: 9, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.2", moveDestination: "PACSLINK")),
        .cMoveRSP(CMoveRSP(messageIDBeingRespondedTo: 9, affectedSOPClassUID: nil, status: .pending, subOperations: SubOperationCounts(remaining: 3, completed: 1, failed: 0, warning: 0))),
        .cMoveRSP(CMoveRSP(messageIDBeingRespondedTo: 9, affectedSOPClassUID: nil, status: .warningB000, subOperations: SubOperationCounts(completed: 3, failed: 1, warning: 0), hasDataSet: true)),
        .cGetRQ(CGetRQ(messageID: 11, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.3")),
        .cGetRSP(CGetRSP(messageIDBeingRespondedTo: 11, affectedSOPClassUID: nil, status: .cancel, subOperations: SubOperationCounts(remaining: 2))),
        .cCancelRQ(CCancelRQ(messageIDBeingRespondedTo: 9)),
        .cEchoRQ(CEchoRQ(messageID: 65535, affectedSOPClassUID: verification)),
    ]

    static let listedFields: [DIMSECommand] = [
        .cStoreRQ(CStoreRQ(messageID: 7, affectedSOPClassUID: secondaryCapture, affectedSOPInstanceUID: "1.2.3", priority: .high, moveOriginatorAETitle: "MOVESCU", moveOriginatorMessageID: 42)),
        .cStoreRQ(CStoreRQ(messageID: 1, affectedSOPClassUID: secondaryCapture, affectedSOPInstanceUID: "1.2.34")),
        .cStoreRSP(CStoreRSP(messageIDBeingRespondedTo: 7, affectedSOPClassUID: secondaryCapture, affectedSOPInstanceUID: "1.2.3", status: DIMSEStatus(code: 0xA701), errorComment: "disk full: café")),
        .cStoreRSP(CStoreRSP(messageIDBeingRespondedTo: 7, affectedSOPClassUID: nil, affectedSOPInstanceUID: nil, status: .success)),
        .cEchoRQ(CEchoRQ(messageID: 65535, affectedSOPClassUID: verification)),
        .cEchoRSP(CEchoRSP(messageIDBeingRespondedTo: 2, affectedSOPClassUID: verification, status: DIMSEStatus(code: 0x0122), errorComment: "odd")),
        .cEchoRSP(CEchoRSP(messageIDBeingRespondedTo: 2, affectedSOPClassUID: nil, status: .success)),
    ]

    @Test("PS3.7 6.3.1 the messages encoded field by field (C-STORE, C-ECHO) give exactly the bytes of their command set", arguments: listedFields)
    func fieldByFieldMatchesCommandSet(command: DIMSECommand) throws {
        #expect(try command.encoded() == CommandSet.encode(command.commandSet))
    }

    @Test("PS3.7 9.3 every command round-trips through its command set", arguments: messages)
    func roundTrip(command: DIMSECommand) throws {
        let bytes = try command.encoded()
        #expect(try DIMSECommand(decoding: bytes[...]) == command)
        // The group length counts the bytes after it (PS3.5 §7.2).
        let lengthValue = UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24
        #expect(Int(lengthValue) == bytes.count - 12)
    }

    @Test("PS3.7 Table E.1-1 Command Data Set Type 0x0101 means no data set")
    func dataSetType() throws {
        #expect(CFindRQ(messageID: 1, affectedSOPClassUID: "1.2").commandSet.uint16(.commandDataSetType) == CommandSet.dataSetPresent)
        #expect(CEchoRQ(messageID: 1, affectedSOPClassUID: "1.2").commandSet.uint16(.commandDataSetType) == 0x0101)
        var ds = CFindRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: nil, status: .pending, hasDataSet: true).commandSet
        ds.setUInt16(0x0000, for: .commandDataSetType)  // any value but 0x0101 announces a data set
        #expect(try CFindRSP(commandSet: ds).hasDataSet)
    }

    @Test("a missing required field is a typed error naming message and field")
    func missingField() throws {
        var ds = CStoreRQ(messageID: 1, affectedSOPClassUID: "1.2", affectedSOPInstanceUID: "1.2.3").commandSet
        ds.remove(.affectedSOPInstanceUID)
        #expect(throws: ProtocolError(.malformed, field: "C-STORE-RQ Affected SOP Instance UID (0000,1000)", "required field is missing or malformed")) {
            try DIMSECommand(commandSet: ds)
        }
        var noStatus = CMoveRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: nil, status: .success).commandSet
        noStatus.remove(.status)
        #expect(throws: ProtocolError.self) { try DIMSECommand(commandSet: noStatus) }
    }

    @Test("DIMSE-N commands are reported as unsupported, not misread")
    func unsupportedCommand() throws {
        var ds = DataSet()
        ds.setUInt16(CommandField.nGetRQ.rawValue, for: .commandField)
        #expect(throws: ProtocolError(.unsupported, field: "Command Field (0000,0100)", "N-GET-RQ is not supported")) {
            try DIMSECommand(commandSet: ds)
        }
    }

    @Test("commands describe themselves for logs, with the status meaning for the service")
    func descriptions() {
        #expect(Self.messages[0].description == "C-STORE-RQ (message 7)")
        #expect(Self.messages[6].description == "C-MOVE-RSP (message 9): 0xFF00 (pending): Pending: sub-operations are continuing")
    }
}
