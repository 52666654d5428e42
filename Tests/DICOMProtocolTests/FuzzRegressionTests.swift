import Testing
import DICOMProtocol

/// Inputs the fuzz targets in Fuzz/ found (docs/reliability.md), kept as tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// FuzzMessageAssembler, crash-be7f3e5e: a C-STORE-RQ whose Affected SOP Instance UID holds
    /// the byte 0x87. Decoding reads UI text as the default repertoire (0x87 → U+0087); encoding
    /// once wrote the String's UTF-8 (C2 87), so every decode → encode grew the UID. Encoding now
    /// mirrors decoding byte for byte. (Whether such a UID is acceptable is decided where it is
    /// used: storage validates every UID before it becomes a path, PS3.5 §9.1.)
    @Test("PS3.7 9.1.1 a C-STORE-RQ with a non-ASCII byte in a UID survives decode → encode → decode")
    func nonASCIIUIDInCommandSet() throws {
        var commandSet = CStoreRQ(
            messageID: 1, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.1.2", affectedSOPInstanceUID: "1.2.3"
        ).commandSet
        commandSet.insert(DataElement(tag: .affectedSOPInstanceUID, vr: .UI, bytes: Array("1.2.".utf8) + [0x87, 0]))
        let received = try DIMSECommand(decoding: CommandSet.encode(commandSet)[...])
        let again = try DIMSECommand(decoding: received.encoded()[...])
        #expect(again == received)
        #expect(try again.encoded() == received.encoded())
    }
}
