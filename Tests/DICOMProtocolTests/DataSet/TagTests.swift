import Testing
@testable import DICOMProtocol

@Suite("PS3.5 7.1.1 tags and 6.2 VRs")
struct TagTests {
    @Test("tags print as the standard writes them and order by group then element")
    func tags() {
        #expect(Tag.patientName.description == "(0010,0010)")
        #expect(Tag.pixelData.description == "(7FE0,0010)")
        #expect(Tag(rawValue: 0x0020_000D) == .studyInstanceUID)
        #expect(Tag.studyInstanceUID.rawValue == 0x0020_000D)
        #expect(Tag(0x0008, 0xFFFF) < Tag(0x0009, 0x0000))
        #expect([Tag.pixelData, .patientName, .sopClassUID].sorted() == [.sopClassUID, .patientName, .pixelData])
        #expect(Tag(0x0009, 0x1001).isPrivate && !Tag.patientName.isPrivate)
    }

    @Test("PS3.5 Table 7.1-1: VRs with a 32-bit explicit length")
    func extendedLengths() {
        let long: Set<VR> = [.OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV]
        for vr in VR.all {
            #expect(vr.hasExtendedLength == long.contains(vr), "\(vr)")
        }
        #expect(VR.all.count == 34)
        #expect(VR("ZZ")?.hasExtendedLength == true)  // a VR of a future edition
        #expect(VR("zz") == nil && VR("ABC") == nil)
    }

    @Test("PS3.5 6.2 padding: space for text, NUL for UI and binary")
    func padding() {
        #expect(VR.PN.paddingByte == 0x20 && VR.CS.paddingByte == 0x20 && VR.UT.paddingByte == 0x20)
        #expect(VR.UI.paddingByte == 0 && VR.OB.paddingByte == 0 && VR.US.paddingByte == 0)
        #expect(VR.PN.description == "PN")
    }
}
