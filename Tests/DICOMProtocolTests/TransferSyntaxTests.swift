import Testing
@testable import DICOMProtocol

@Suite("PS3.6 Annex A transfer syntaxes")
struct TransferSyntaxTests {
    @Test("the registry holds every PS3.6 transfer syntax once, with valid UIDs and unique names")
    func registry() {
        #expect(TransferSyntax.all.count == 63)
        #expect(Set(TransferSyntax.all.map(\.uid)).count == TransferSyntax.all.count)
        for syntax in TransferSyntax.all {
            #expect(UID.isValid(syntax.uid), "\(syntax.uid)")
            #expect(syntax.uid.hasPrefix("1.2.840.10008.1."))
            #expect(!syntax.compressionNames.isEmpty)
            #expect(syntax.compressionNames.allSatisfy { $0 == $0.lowercased() })
            #expect(syntax.isKnown)
        }
        let names = TransferSyntax.all.flatMap(\.compressionNames)
        #expect(Set(names).count == names.count)
    }

    @Test("PS3.5 10 the common syntaxes have the encoding the standard defines", arguments: [
        (TransferSyntax.implicitVRLittleEndian, "1.2.840.10008.1.2", false, ByteOrder.littleEndian, false, false, true),
        (.explicitVRLittleEndian, "1.2.840.10008.1.2.1", true, .littleEndian, false, false, true),
        (.explicitVRBigEndian, "1.2.840.10008.1.2.2", true, .bigEndian, false, false, true),
        (.deflatedExplicitVRLittleEndian, "1.2.840.10008.1.2.1.99", true, .littleEndian, false, true, true),
        (.jpegBaseline, "1.2.840.10008.1.2.4.50", true, .littleEndian, true, false, false),
        (.jpegLossless, "1.2.840.10008.1.2.4.70", true, .littleEndian, true, false, true),
        (.jpegLosslessNonHierarchical, "1.2.840.10008.1.2.4.57", true, .littleEndian, true, false, true),
        (.jpegLSLossless, "1.2.840.10008.1.2.4.80", true, .littleEndian, true, false, true),
        (.jpegLSNearLossless, "1.2.840.10008.1.2.4.81", true, .littleEndian, true, false, false),
        (.jpeg2000Lossless, "1.2.840.10008.1.2.4.90", true, .littleEndian, true, false, true),
        (.jpeg2000, "1.2.840.10008.1.2.4.91", true, .littleEndian, true, false, false),
        (.htj2kLossless, "1.2.840.10008.1.2.4.201", true, .littleEndian, true, false, true),
        (.rleLossless, "1.2.840.10008.1.2.5", true, .littleEndian, true, false, true),
        (.mpeg2MainProfileMainLevel, "1.2.840.10008.1.2.4.100", true, .littleEndian, true, false, false),
        (.papyrus3ImplicitVRLittleEndian, "1.2.840.10008.1.20", false, .littleEndian, false, false, true),
    ])
    func encodings(
        _ syntax: TransferSyntax, uid: String, explicit: Bool, order: ByteOrder,
        encapsulated: Bool, deflated: Bool, lossless: Bool
    ) {
        #expect(syntax.uid == uid)
        #expect(syntax.isExplicitVR == explicit)
        #expect(syntax.byteOrder == order)
        #expect(syntax.isEncapsulated == encapsulated)
        #expect(syntax.isDeflated == deflated)
        #expect(syntax.isLossless == lossless)
    }

    @Test("only the implicit VR syntaxes are implicit, only Explicit VR Big Endian is big endian")
    func invariants() {
        let implicit = TransferSyntax.all.filter { !$0.isExplicitVR }.map(\.uid)
        #expect(Set(implicit) == ["1.2.840.10008.1.2", "1.2.840.10008.1.20"])
        #expect(TransferSyntax.all.filter { $0.byteOrder == .bigEndian } == [.explicitVRBigEndian])
        #expect(!TransferSyntax.all.contains { $0.isEncapsulated && $0.isDeflated })
        #expect(TransferSyntax.explicitVRBigEndian.isRetired)
        #expect(!TransferSyntax.explicitVRLittleEndian.isRetired)
    }

    @Test("compression names are canonical first and looked up case-insensitively", arguments: [
        ("implicit-le", "1.2.840.10008.1.2"), ("explicit-le", "1.2.840.10008.1.2.1"),
        ("explicit-be", "1.2.840.10008.1.2.2"), ("deflate", "1.2.840.10008.1.2.1.99"),
        ("jpeg-baseline", "1.2.840.10008.1.2.4.50"), ("jpeg-extended", "1.2.840.10008.1.2.4.51"),
        ("jpeg-lossless", "1.2.840.10008.1.2.4.70"), ("jpeg-lossless-nh", "1.2.840.10008.1.2.4.57"),
        ("jpeg-ls-lossless", "1.2.840.10008.1.2.4.80"),
        ("jpeg-ls-near-lossless", "1.2.840.10008.1.2.4.81"),
        ("jpeg2000-lossless", "1.2.840.10008.1.2.4.90"), ("jpeg2000", "1.2.840.10008.1.2.4.91"),
        ("htj2k-lossless", "1.2.840.10008.1.2.4.201"),
        ("htj2k-lossless-rpcl", "1.2.840.10008.1.2.4.202"), ("htj2k", "1.2.840.10008.1.2.4.203"),
        ("rle", "1.2.840.10008.1.2.5"), ("mpeg2", "1.2.840.10008.1.2.4.100"),
        ("mpeg4", "1.2.840.10008.1.2.4.102"), ("hevc", "1.2.840.10008.1.2.4.107"),
    ])
    func names(_ name: String, uid: String) throws {
        let syntax = try #require(TransferSyntax.lookup(name))
        #expect(syntax.uid == uid)
        #expect(syntax.canonicalName == name)
        #expect(TransferSyntax.lookup(name.uppercased()) == syntax)
        #expect(TransferSyntax.lookup(uid) == syntax)
        #expect(TransferSyntax.lookup(uid)?.name == syntax.name)
    }

    @Test("lookup refuses unknown names but represents unknown valid UIDs conservatively")
    func unknown() throws {
        #expect(TransferSyntax.lookup("jpeg-losless") == nil)
        #expect(TransferSyntax.lookup("") == nil)
        #expect(TransferSyntax.lookup("1.2.840.10008.1.2.04") == nil)
        let privateSyntax = try #require(TransferSyntax.lookup("1.3.6.1.4.1.99999.1"))
        #expect(!privateSyntax.isKnown)
        #expect(privateSyntax.isExplicitVR && privateSyntax.byteOrder == .littleEndian)
        #expect(privateSyntax.isEncapsulated && !privateSyntax.isLossless)
        #expect(privateSyntax.canonicalName == "1.3.6.1.4.1.99999.1")
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2.5").name == "RLE Lossless")
    }
}
