// The transfer syntaxes of PS3.6 Annex A (Table A-1), retired ones included, with the encoding
// each implies (PS3.5 §10, Annex A) and the names users type (the first is canonical).

extension TransferSyntax {
    public static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2",
        name: "Implicit VR Little Endian",
        compressionNames: ["implicit-le", "implicit"],
        isExplicitVR: false, isLossless: true)
    public static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1",
        name: "Explicit VR Little Endian",
        compressionNames: ["explicit-le", "explicit"],
        isLossless: true)
    public static let encapsulatedUncompressedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.98",
        name: "Encapsulated Uncompressed Explicit VR Little Endian",
        compressionNames: ["encapsulated-uncompressed"],
        isEncapsulated: true, isLossless: true)
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99",
        name: "Deflated Explicit VR Little Endian",
        compressionNames: ["deflate", "deflated"],
        isDeflated: true, isLossless: true)
    public static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2",
        name: "Explicit VR Big Endian",
        compressionNames: ["explicit-be", "big-endian"],
        byteOrder: .bigEndian, isLossless: true, isRetired: true)
    public static let jpegBaseline = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.50",
        name: "JPEG Baseline (Process 1)",
        compressionNames: ["jpeg-baseline", "jpeg", "jpeg-process-1"],
        isEncapsulated: true)
    public static let jpegExtended = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.51",
        name: "JPEG Extended (Process 2 and 4)",
        compressionNames: ["jpeg-extended", "jpeg-process-2-4"],
        isEncapsulated: true)
    public static let jpegExtendedProcess3And5 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.52",
        name: "JPEG Extended (Process 3 and 5)",
        compressionNames: ["jpeg-process-3-5"],
        isEncapsulated: true, isRetired: true)
    public static let jpegSpectralSelectionProcess6And8 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.53",
        name: "JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8)",
        compressionNames: ["jpeg-process-6-8"],
        isEncapsulated: true, isRetired: true)
    public static let jpegSpectralSelectionProcess7And9 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.54",
        name: "JPEG Spectral Selection, Non-Hierarchical (Process 7 and 9)",
        compressionNames: ["jpeg-process-7-9"],
        isEncapsulated: true, isRetired: true)
    public static let jpegFullProgressionProcess10And12 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.55",
        name: "JPEG Full Progression, Non-Hierarchical (Process 10 and 12)",
        compressionNames: ["jpeg-process-10-12"],
        isEncapsulated: true, isRetired: true)
    public static let jpegFullProgressionProcess11And13 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.56",
        name: "JPEG Full Progression, Non-Hierarchical (Process 11 and 13)",
        compressionNames: ["jpeg-process-11-13"],
        isEncapsulated: true, isRetired: true)
    public static let jpegLosslessNonHierarchical = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.57",
        name: "JPEG Lossless, Non-Hierarchical (Process 14)",
        compressionNames: ["jpeg-lossless-nh", "jpeg-process-14"],
        isEncapsulated: true, isLossless: true)
    public static let jpegLosslessProcess15 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.58",
        name: "JPEG Lossless, Non-Hierarchical (Process 15)",
        compressionNames: ["jpeg-process-15"],
        isEncapsulated: true, isLossless: true, isRetired: true)
    public static let jpegExtendedHierarchicalProcess16And18 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.59",
        name: "JPEG Extended, Hierarchical (Process 16 and 18)",
        compressionNames: ["jpeg-process-16-18"],
        isEncapsulated: true, isRetired: true)
    public static let jpegExtendedHierarchicalProcess17And19 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.60",
        name: "JPEG Extended, Hierarchical (Process 17 and 19)",
        compressionNames: ["jpeg-process-17-19"],
        isEncapsulated: true, isRetired: true)
    public static let jpegSpectralSelectionHierarchicalProcess20And22 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.61",
        name: "JPEG Spectral Selection, Hierarchical (Process 20 and 22)",
        compressionNames: ["jpeg-process-20-22"],
        isEncapsulated: true, isRetired: true)
    public static let jpegSpectralSelectionHierarchicalProcess21And23 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.62",
        name: "JPEG Spectral Selection, Hierarchical (Process 21 and 23)",
        compressionNames: ["jpeg-process-21-23"],
        isEncapsulated: true, isRetired: true)
    public static let jpegFullProgressionHierarchicalProcess24And26 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.63",
        name: "JPEG Full Progression, Hierarchical (Process 24 and 26)",
        compressionNames: ["jpeg-process-24-26"],
        isEncapsulated: true, isRetired: true)
    public static let jpegFullProgressionHierarchicalProcess25And27 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.64",
        name: "JPEG Full Progression, Hierarchical (Process 25 and 27)",
        compressionNames: ["jpeg-process-25-27"],
        isEncapsulated: true, isRetired: true)
    public static let jpegLosslessHierarchicalProcess28 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.65",
        name: "JPEG Lossless, Hierarchical (Process 28)",
        compressionNames: ["jpeg-process-28"],
        isEncapsulated: true, isLossless: true, isRetired: true)
    public static let jpegLosslessHierarchicalProcess29 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.66",
        name: "JPEG Lossless, Hierarchical (Process 29)",
        compressionNames: ["jpeg-process-29"],
        isEncapsulated: true, isLossless: true, isRetired: true)
    public static let jpegLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.70",
        name: "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
        compressionNames: ["jpeg-lossless", "jpeg-lossless-sv1", "jpeg-process-14-sv1"],
        isEncapsulated: true, isLossless: true)
    public static let jpegLSLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.80",
        name: "JPEG-LS Lossless Image Compression",
        compressionNames: ["jpeg-ls-lossless", "jpegls-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let jpegLSNearLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.81",
        name: "JPEG-LS Lossy (Near-Lossless) Image Compression",
        compressionNames: ["jpeg-ls-near-lossless", "jpeg-ls-lossy", "jpegls-near-lossless"],
        isEncapsulated: true)
    public static let jpeg2000Lossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.90",
        name: "JPEG 2000 Image Compression (Lossless Only)",
        compressionNames: ["jpeg2000-lossless", "j2k-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let jpeg2000 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.91",
        name: "JPEG 2000 Image Compression",
        compressionNames: ["jpeg2000", "j2k"],
        isEncapsulated: true)
    public static let jpeg2000MultiComponentLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.92",
        name: "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)",
        compressionNames: ["jpeg2000-mc-lossless", "j2k-mc-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let jpeg2000MultiComponent = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.93",
        name: "JPEG 2000 Part 2 Multi-component Image Compression",
        compressionNames: ["jpeg2000-mc", "j2k-mc"],
        isEncapsulated: true)
    public static let jpipReferenced = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.94",
        name: "JPIP Referenced",
        compressionNames: ["jpip-referenced"])
    public static let jpipReferencedDeflate = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.95",
        name: "JPIP Referenced Deflate",
        compressionNames: ["jpip-referenced-deflate"],
        isDeflated: true)
    public static let mpeg2MainProfileMainLevel = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.100",
        name: "MPEG2 Main Profile / Main Level",
        compressionNames: ["mpeg2", "mpeg2-mpml"],
        isEncapsulated: true)
    public static let fragmentableMPEG2MainProfileMainLevel = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.100.1",
        name: "Fragmentable MPEG2 Main Profile / Main Level",
        compressionNames: ["mpeg2-fragmentable", "mpeg2-mpml-fragmentable"],
        isEncapsulated: true)
    public static let mpeg2MainProfileHighLevel = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.101",
        name: "MPEG2 Main Profile / High Level",
        compressionNames: ["mpeg2-hl", "mpeg2-mphl"],
        isEncapsulated: true)
    public static let fragmentableMPEG2MainProfileHighLevel = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.101.1",
        name: "Fragmentable MPEG2 Main Profile / High Level",
        compressionNames: ["mpeg2-hl-fragmentable", "mpeg2-mphl-fragmentable"],
        isEncapsulated: true)
    public static let mpeg4HighProfileLevel41 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.102",
        name: "MPEG-4 AVC/H.264 High Profile / Level 4.1",
        compressionNames: ["mpeg4", "h264", "mpeg4-hp41"],
        isEncapsulated: true)
    public static let fragmentableMPEG4HighProfileLevel41 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.102.1",
        name: "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1",
        compressionNames: ["mpeg4-fragmentable", "h264-fragmentable", "mpeg4-hp41-fragmentable"],
        isEncapsulated: true)
    public static let mpeg4BDCompatibleHighProfileLevel41 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.103",
        name: "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
        compressionNames: ["mpeg4-bd", "h264-bd"],
        isEncapsulated: true)
    public static let fragmentableMPEG4BDCompatibleHighProfileLevel41 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.103.1",
        name: "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
        compressionNames: ["mpeg4-bd-fragmentable", "h264-bd-fragmentable"],
        isEncapsulated: true)
    public static let mpeg4HighProfileLevel42For2DVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.104",
        name: "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
        compressionNames: ["mpeg4-2d", "h264-2d"],
        isEncapsulated: true)
    public static let fragmentableMPEG4HighProfileLevel42For2DVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.104.1",
        name: "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
        compressionNames: ["mpeg4-2d-fragmentable", "h264-2d-fragmentable"],
        isEncapsulated: true)
    public static let mpeg4HighProfileLevel42For3DVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.105",
        name: "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
        compressionNames: ["mpeg4-3d", "h264-3d"],
        isEncapsulated: true)
    public static let fragmentableMPEG4HighProfileLevel42For3DVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.105.1",
        name: "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
        compressionNames: ["mpeg4-3d-fragmentable", "h264-3d-fragmentable"],
        isEncapsulated: true)
    public static let mpeg4StereoHighProfileLevel42 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.106",
        name: "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
        compressionNames: ["mpeg4-stereo", "h264-stereo"],
        isEncapsulated: true)
    public static let fragmentableMPEG4StereoHighProfileLevel42 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.106.1",
        name: "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
        compressionNames: ["mpeg4-stereo-fragmentable", "h264-stereo-fragmentable"],
        isEncapsulated: true)
    public static let hevcMainProfileLevel51 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.107",
        name: "HEVC/H.265 Main Profile / Level 5.1",
        compressionNames: ["hevc", "h265", "hevc-main"],
        isEncapsulated: true)
    public static let hevcMain10ProfileLevel51 = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.108",
        name: "HEVC/H.265 Main 10 Profile / Level 5.1",
        compressionNames: ["hevc-main10", "h265-main10"],
        isEncapsulated: true)
    public static let jpegXLLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.110",
        name: "JPEG XL Lossless",
        compressionNames: ["jpegxl-lossless", "jxl-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let jpegXLJPEGRecompression = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.111",
        name: "JPEG XL JPEG Recompression",
        compressionNames: ["jpegxl-jpeg-recompression", "jxl-jpeg-recompression"],
        isEncapsulated: true)
    public static let jpegXL = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.112",
        name: "JPEG XL",
        compressionNames: ["jpegxl", "jxl"],
        isEncapsulated: true)
    public static let htj2kLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.201",
        name: "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
        compressionNames: ["htj2k-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let htj2kLosslessRPCL = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.202",
        name: "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)",
        compressionNames: ["htj2k-lossless-rpcl"],
        isEncapsulated: true, isLossless: true)
    public static let htj2k = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.203",
        name: "High-Throughput JPEG 2000 Image Compression",
        compressionNames: ["htj2k"],
        isEncapsulated: true)
    public static let jpipHTJ2KReferenced = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.204",
        name: "JPIP HTJ2K Referenced",
        compressionNames: ["jpip-htj2k-referenced"])
    public static let jpipHTJ2KReferencedDeflate = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.205",
        name: "JPIP HTJ2K Referenced Deflate",
        compressionNames: ["jpip-htj2k-referenced-deflate"],
        isDeflated: true)
    public static let rleLossless = TransferSyntax(
        uid: "1.2.840.10008.1.2.5",
        name: "RLE Lossless",
        compressionNames: ["rle", "rle-lossless"],
        isEncapsulated: true, isLossless: true)
    public static let rfc2557MIMEEncapsulation = TransferSyntax(
        uid: "1.2.840.10008.1.2.6.1",
        name: "RFC 2557 MIME encapsulation",
        compressionNames: ["rfc2557-mime"],
        isLossless: true, isRetired: true)
    public static let xmlEncoding = TransferSyntax(
        uid: "1.2.840.10008.1.2.6.2",
        name: "XML Encoding",
        compressionNames: ["xml-encoding"],
        isLossless: true, isRetired: true)
    public static let smpteST2110_20UncompressedProgressiveActiveVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.7.1",
        name: "SMPTE ST 2110-20 Uncompressed Progressive Active Video",
        compressionNames: ["smpte-2110-20-progressive"],
        isLossless: true)
    public static let smpteST2110_20UncompressedInterlacedActiveVideo = TransferSyntax(
        uid: "1.2.840.10008.1.2.7.2",
        name: "SMPTE ST 2110-20 Uncompressed Interlaced Active Video",
        compressionNames: ["smpte-2110-20-interlaced"],
        isLossless: true)
    public static let smpteST2110_30PCMDigitalAudio = TransferSyntax(
        uid: "1.2.840.10008.1.2.7.3",
        name: "SMPTE ST 2110-30 PCM Digital Audio",
        compressionNames: ["smpte-2110-30-audio"],
        isLossless: true)
    public static let deflatedImageFrameCompression = TransferSyntax(
        uid: "1.2.840.10008.1.2.8.1",
        name: "Deflated Image Frame Compression",
        compressionNames: ["deflated-image-frame"],
        isEncapsulated: true, isLossless: true)
    public static let papyrus3ImplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.20",
        name: "Papyrus 3 Implicit VR Little Endian",
        compressionNames: ["papyrus3-implicit-le"],
        isExplicitVR: false, isLossless: true, isRetired: true)

    /// Every transfer syntax of PS3.6 Annex A, retired included, in registry order.
    public static let all: [TransferSyntax] = [
        .implicitVRLittleEndian,
        .explicitVRLittleEndian,
        .encapsulatedUncompressedExplicitVRLittleEndian,
        .deflatedExplicitVRLittleEndian,
        .explicitVRBigEndian,
        .jpegBaseline,
        .jpegExtended,
        .jpegExtendedProcess3And5,
        .jpegSpectralSelectionProcess6And8,
        .jpegSpectralSelectionProcess7And9,
        .jpegFullProgressionProcess10And12,
        .jpegFullProgressionProcess11And13,
        .jpegLosslessNonHierarchical,
        .jpegLosslessProcess15,
        .jpegExtendedHierarchicalProcess16And18,
        .jpegExtendedHierarchicalProcess17And19,
        .jpegSpectralSelectionHierarchicalProcess20And22,
        .jpegSpectralSelectionHierarchicalProcess21And23,
        .jpegFullProgressionHierarchicalProcess24And26,
        .jpegFullProgressionHierarchicalProcess25And27,
        .jpegLosslessHierarchicalProcess28,
        .jpegLosslessHierarchicalProcess29,
        .jpegLossless,
        .jpegLSLossless,
        .jpegLSNearLossless,
        .jpeg2000Lossless,
        .jpeg2000,
        .jpeg2000MultiComponentLossless,
        .jpeg2000MultiComponent,
        .jpipReferenced,
        .jpipReferencedDeflate,
        .mpeg2MainProfileMainLevel,
        .fragmentableMPEG2MainProfileMainLevel,
        .mpeg2MainProfileHighLevel,
        .fragmentableMPEG2MainProfileHighLevel,
        .mpeg4HighProfileLevel41,
        .fragmentableMPEG4HighProfileLevel41,
        .mpeg4BDCompatibleHighProfileLevel41,
        .fragmentableMPEG4BDCompatibleHighProfileLevel41,
        .mpeg4HighProfileLevel42For2DVideo,
        .fragmentableMPEG4HighProfileLevel42For2DVideo,
        .mpeg4HighProfileLevel42For3DVideo,
        .fragmentableMPEG4HighProfileLevel42For3DVideo,
        .mpeg4StereoHighProfileLevel42,
        .fragmentableMPEG4StereoHighProfileLevel42,
        .hevcMainProfileLevel51,
        .hevcMain10ProfileLevel51,
        .jpegXLLossless,
        .jpegXLJPEGRecompression,
        .jpegXL,
        .htj2kLossless,
        .htj2kLosslessRPCL,
        .htj2k,
        .jpipHTJ2KReferenced,
        .jpipHTJ2KReferencedDeflate,
        .rleLossless,
        .rfc2557MIMEEncapsulation,
        .xmlEncoding,
        .smpteST2110_20UncompressedProgressiveActiveVideo,
        .smpteST2110_20UncompressedInterlacedActiveVideo,
        .smpteST2110_30PCMDigitalAudio,
        .deflatedImageFrameCompression,
        .papyrus3ImplicitVRLittleEndian,
    ]
}
