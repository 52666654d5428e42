// The SOP classes of PS3.6 Annex A (Table A-1), retired ones included, transcribed from the
// registry; `SOPClass.all` lists them in UID order.

extension SOPClass {
    public static let verification = SOPClass(
        uid: "1.2.840.10008.1.1", name: "Verification SOP Class", kind: .verification)
    public static let mediaStorageDirectoryStorage = SOPClass(
        uid: "1.2.840.10008.1.3.10", name: "Media Storage Directory Storage", kind: .other)
    public static let basicStudyContentNotification = SOPClass(
        uid: "1.2.840.10008.1.9", name: "Basic Study Content Notification SOP Class", kind: .other, isRetired: true)
    public static let storageCommitmentPushModel = SOPClass(
        uid: "1.2.840.10008.1.20.1", name: "Storage Commitment Push Model SOP Class", kind: .other)
    public static let storageCommitmentPullModel = SOPClass(
        uid: "1.2.840.10008.1.20.2", name: "Storage Commitment Pull Model SOP Class", kind: .other, isRetired: true)
    public static let proceduralEventLogging = SOPClass(
        uid: "1.2.840.10008.1.40", name: "Procedural Event Logging SOP Class", kind: .other)
    public static let substanceAdministrationLogging = SOPClass(
        uid: "1.2.840.10008.1.42", name: "Substance Administration Logging SOP Class", kind: .other)
    public static let detachedPatientManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.1.1", name: "Detached Patient Management SOP Class", kind: .other, isRetired: true)
    public static let detachedPatientManagementMeta = SOPClass(
        uid: "1.2.840.10008.3.1.2.1.4", name: "Detached Patient Management Meta SOP Class", kind: .other, isRetired: true)
    public static let detachedVisitManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.2.1", name: "Detached Visit Management SOP Class", kind: .other, isRetired: true)
    public static let detachedStudyManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.3.1", name: "Detached Study Management SOP Class", kind: .other, isRetired: true)
    public static let studyComponentManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.3.2", name: "Study Component Management SOP Class", kind: .other, isRetired: true)
    public static let modalityPerformedProcedureStep = SOPClass(
        uid: "1.2.840.10008.3.1.2.3.3", name: "Modality Performed Procedure Step SOP Class", kind: .other)
    public static let modalityPerformedProcedureStepRetrieve = SOPClass(
        uid: "1.2.840.10008.3.1.2.3.4", name: "Modality Performed Procedure Step Retrieve SOP Class", kind: .other)
    public static let modalityPerformedProcedureStepNotification = SOPClass(
        uid: "1.2.840.10008.3.1.2.3.5", name: "Modality Performed Procedure Step Notification SOP Class", kind: .other)
    public static let detachedResultsManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.5.1", name: "Detached Results Management SOP Class", kind: .other, isRetired: true)
    public static let detachedResultsManagementMeta = SOPClass(
        uid: "1.2.840.10008.3.1.2.5.4", name: "Detached Results Management Meta SOP Class", kind: .other, isRetired: true)
    public static let detachedStudyManagementMeta = SOPClass(
        uid: "1.2.840.10008.3.1.2.5.5", name: "Detached Study Management Meta SOP Class", kind: .other, isRetired: true)
    public static let detachedInterpretationManagement = SOPClass(
        uid: "1.2.840.10008.3.1.2.6.1", name: "Detached Interpretation Management SOP Class", kind: .other, isRetired: true)
    public static let basicFilmSession = SOPClass(
        uid: "1.2.840.10008.5.1.1.1", name: "Basic Film Session SOP Class", kind: .other)
    public static let basicFilmBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.2", name: "Basic Film Box SOP Class", kind: .other)
    public static let basicGrayscaleImageBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.4", name: "Basic Grayscale Image Box SOP Class", kind: .other)
    public static let basicColorImageBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.4.1", name: "Basic Color Image Box SOP Class", kind: .other)
    public static let referencedImageBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.4.2", name: "Referenced Image Box SOP Class", kind: .other, isRetired: true)
    public static let basicGrayscalePrintManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.1.9", name: "Basic Grayscale Print Management Meta SOP Class", kind: .other)
    public static let referencedGrayscalePrintManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.1.9.1", name: "Referenced Grayscale Print Management Meta SOP Class", kind: .other, isRetired: true)
    public static let printJob = SOPClass(
        uid: "1.2.840.10008.5.1.1.14", name: "Print Job SOP Class", kind: .other)
    public static let basicAnnotationBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.15", name: "Basic Annotation Box SOP Class", kind: .other)
    public static let printer = SOPClass(
        uid: "1.2.840.10008.5.1.1.16", name: "Printer SOP Class", kind: .other)
    public static let printerConfigurationRetrieval = SOPClass(
        uid: "1.2.840.10008.5.1.1.16.376", name: "Printer Configuration Retrieval SOP Class", kind: .other)
    public static let basicColorPrintManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.1.18", name: "Basic Color Print Management Meta SOP Class", kind: .other)
    public static let referencedColorPrintManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.1.18.1", name: "Referenced Color Print Management Meta SOP Class", kind: .other, isRetired: true)
    public static let voilutBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.22", name: "VOI LUT Box SOP Class", kind: .other)
    public static let presentationLUT = SOPClass(
        uid: "1.2.840.10008.5.1.1.23", name: "Presentation LUT SOP Class", kind: .other)
    public static let imageOverlayBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.24", name: "Image Overlay Box SOP Class", kind: .other, isRetired: true)
    public static let basicPrintImageOverlayBox = SOPClass(
        uid: "1.2.840.10008.5.1.1.24.1", name: "Basic Print Image Overlay Box SOP Class", kind: .other, isRetired: true)
    public static let printQueueManagement = SOPClass(
        uid: "1.2.840.10008.5.1.1.26", name: "Print Queue Management SOP Class", kind: .other, isRetired: true)
    public static let storedPrintStorage = SOPClass(
        uid: "1.2.840.10008.5.1.1.27", name: "Stored Print Storage SOP Class", kind: .other, isRetired: true)
    public static let hardcopyGrayscaleImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.1.29", name: "Hardcopy Grayscale Image Storage SOP Class", kind: .other, isRetired: true)
    public static let hardcopyColorImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.1.30", name: "Hardcopy Color Image Storage SOP Class", kind: .other, isRetired: true)
    public static let pullPrintRequest = SOPClass(
        uid: "1.2.840.10008.5.1.1.31", name: "Pull Print Request SOP Class", kind: .other, isRetired: true)
    public static let pullStoredPrintManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.1.32", name: "Pull Stored Print Management Meta SOP Class", kind: .other, isRetired: true)
    public static let mediaCreationManagement = SOPClass(
        uid: "1.2.840.10008.5.1.1.33", name: "Media Creation Management SOP Class UID", kind: .other)
    public static let displaySystem = SOPClass(
        uid: "1.2.840.10008.5.1.1.40", name: "Display System SOP Class", kind: .other)
    public static let computedRadiographyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1", name: "Computed Radiography Image Storage", kind: .storage)
    public static let digitalXRayImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.1", name: "Digital X-Ray Image Storage - For Presentation", kind: .storage)
    public static let digitalXRayImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.1.1", name: "Digital X-Ray Image Storage - For Processing", kind: .storage)
    public static let digitalMammographyXRayImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.2", name: "Digital Mammography X-Ray Image Storage - For Presentation", kind: .storage)
    public static let digitalMammographyXRayImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.2.1", name: "Digital Mammography X-Ray Image Storage - For Processing", kind: .storage)
    public static let digitalIntraOralXRayImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.3", name: "Digital Intra-Oral X-Ray Image Storage - For Presentation", kind: .storage)
    public static let digitalIntraOralXRayImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.3.1", name: "Digital Intra-Oral X-Ray Image Storage - For Processing", kind: .storage)
    public static let ctImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.2", name: "CT Image Storage", kind: .storage)
    public static let enhancedCTImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.2.1", name: "Enhanced CT Image Storage", kind: .storage)
    public static let legacyConvertedEnhancedCTImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.2.2", name: "Legacy Converted Enhanced CT Image Storage", kind: .storage)
    public static let ultrasoundMultiFrameImageStorageRetired = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.3", name: "Ultrasound Multi-frame Image Storage", kind: .storage, isRetired: true)
    public static let ultrasoundMultiFrameImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.3.1", name: "Ultrasound Multi-frame Image Storage", kind: .storage)
    public static let mrImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.4", name: "MR Image Storage", kind: .storage)
    public static let enhancedMRImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.4.1", name: "Enhanced MR Image Storage", kind: .storage)
    public static let mrSpectroscopyStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.4.2", name: "MR Spectroscopy Storage", kind: .storage)
    public static let enhancedMRColorImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.4.3", name: "Enhanced MR Color Image Storage", kind: .storage)
    public static let legacyConvertedEnhancedMRImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.4.4", name: "Legacy Converted Enhanced MR Image Storage", kind: .storage)
    public static let nuclearMedicineImageStorageRetired = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.5", name: "Nuclear Medicine Image Storage", kind: .storage, isRetired: true)
    public static let ultrasoundImageStorageRetired = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.6", name: "Ultrasound Image Storage", kind: .storage, isRetired: true)
    public static let ultrasoundImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.6.1", name: "Ultrasound Image Storage", kind: .storage)
    public static let enhancedUSVolumeStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.6.2", name: "Enhanced US Volume Storage", kind: .storage)
    public static let photoacousticImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.6.3", name: "Photoacoustic Image Storage", kind: .storage)
    public static let secondaryCaptureImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7", name: "Secondary Capture Image Storage", kind: .storage)
    public static let multiFrameSingleBitSecondaryCaptureImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7.1", name: "Multi-frame Single Bit Secondary Capture Image Storage", kind: .storage)
    public static let multiFrameGrayscaleByteSecondaryCaptureImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7.2", name: "Multi-frame Grayscale Byte Secondary Capture Image Storage", kind: .storage)
    public static let multiFrameGrayscaleWordSecondaryCaptureImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7.3", name: "Multi-frame Grayscale Word Secondary Capture Image Storage", kind: .storage)
    public static let multiFrameTrueColorSecondaryCaptureImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7.4", name: "Multi-frame True Color Secondary Capture Image Storage", kind: .storage)
    public static let standaloneOverlayStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.8", name: "Standalone Overlay Storage", kind: .storage, isRetired: true)
    public static let standaloneCurveStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9", name: "Standalone Curve Storage", kind: .storage, isRetired: true)
    public static let waveformStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.1", name: "Waveform Storage - Trial", kind: .storage, isRetired: true)
    public static let twelveLeadECGWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.1.1", name: "12-lead ECG Waveform Storage", kind: .storage)
    public static let generalECGWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.1.2", name: "General ECG Waveform Storage", kind: .storage)
    public static let ambulatoryECGWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.1.3", name: "Ambulatory ECG Waveform Storage", kind: .storage)
    public static let general32bitECGWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.1.4", name: "General 32-bit ECG Waveform Storage", kind: .storage)
    public static let hemodynamicWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.2.1", name: "Hemodynamic Waveform Storage", kind: .storage)
    public static let cardiacElectrophysiologyWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.3.1", name: "Cardiac Electrophysiology Waveform Storage", kind: .storage)
    public static let basicVoiceAudioWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.4.1", name: "Basic Voice Audio Waveform Storage", kind: .storage)
    public static let generalAudioWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.4.2", name: "General Audio Waveform Storage", kind: .storage)
    public static let arterialPulseWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.5.1", name: "Arterial Pulse Waveform Storage", kind: .storage)
    public static let respiratoryWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.6.1", name: "Respiratory Waveform Storage", kind: .storage)
    public static let multichannelRespiratoryWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.6.2", name: "Multi-channel Respiratory Waveform Storage", kind: .storage)
    public static let routineScalpElectroencephalogramWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.7.1", name: "Routine Scalp Electroencephalogram Waveform Storage", kind: .storage)
    public static let electromyogramWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.7.2", name: "Electromyogram Waveform Storage", kind: .storage)
    public static let electrooculogramWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.7.3", name: "Electrooculogram Waveform Storage", kind: .storage)
    public static let sleepElectroencephalogramWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.7.4", name: "Sleep Electroencephalogram Waveform Storage", kind: .storage)
    public static let bodyPositionWaveformStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.9.8.1", name: "Body Position Waveform Storage", kind: .storage)
    public static let standaloneModalityLUTStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.10", name: "Standalone Modality LUT Storage", kind: .storage, isRetired: true)
    public static let standaloneVOILUTStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11", name: "Standalone VOI LUT Storage", kind: .storage, isRetired: true)
    public static let grayscaleSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.1", name: "Grayscale Softcopy Presentation State Storage", kind: .storage)
    public static let colorSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.2", name: "Color Softcopy Presentation State Storage", kind: .storage)
    public static let pseudoColorSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.3", name: "Pseudo-Color Softcopy Presentation State Storage", kind: .storage)
    public static let blendingSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.4", name: "Blending Softcopy Presentation State Storage", kind: .storage)
    public static let xaxrfGrayscaleSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.5", name: "XA/XRF Grayscale Softcopy Presentation State Storage", kind: .storage)
    public static let grayscalePlanarMPRVolumetricPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.6", name: "Grayscale Planar MPR Volumetric Presentation State Storage", kind: .storage)
    public static let compositingPlanarMPRVolumetricPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.7", name: "Compositing Planar MPR Volumetric Presentation State Storage", kind: .storage)
    public static let advancedBlendingPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.8", name: "Advanced Blending Presentation State Storage", kind: .storage)
    public static let volumeRenderingVolumetricPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.9", name: "Volume Rendering Volumetric Presentation State Storage", kind: .storage)
    public static let segmentedVolumeRenderingVolumetricPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.10", name: "Segmented Volume Rendering Volumetric Presentation State Storage", kind: .storage)
    public static let multipleVolumeRenderingVolumetricPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.11", name: "Multiple Volume Rendering Volumetric Presentation State Storage", kind: .storage)
    public static let variableModalityLUTSoftcopyPresentationStateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.12", name: "Variable Modality LUT Softcopy Presentation State Storage", kind: .storage)
    public static let xRayAngiographicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.1", name: "X-Ray Angiographic Image Storage", kind: .storage)
    public static let enhancedXAImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.1.1", name: "Enhanced XA Image Storage", kind: .storage)
    public static let xRayRadiofluoroscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.2", name: "X-Ray Radiofluoroscopic Image Storage", kind: .storage)
    public static let enhancedXRFImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.2.1", name: "Enhanced XRF Image Storage", kind: .storage)
    public static let xRayAngiographicBiPlaneImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.3", name: "X-Ray Angiographic Bi-Plane Image Storage", kind: .storage, isRetired: true)
    public static let xRay3DAngiographicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.13.1.1", name: "X-Ray 3D Angiographic Image Storage", kind: .storage)
    public static let xRay3DCraniofacialImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.13.1.2", name: "X-Ray 3D Craniofacial Image Storage", kind: .storage)
    public static let breastTomosynthesisImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.13.1.3", name: "Breast Tomosynthesis Image Storage", kind: .storage)
    public static let breastProjectionXRayImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.13.1.4", name: "Breast Projection X-Ray Image Storage - For Presentation", kind: .storage)
    public static let breastProjectionXRayImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.13.1.5", name: "Breast Projection X-Ray Image Storage - For Processing", kind: .storage)
    public static let intravascularOpticalCoherenceTomographyImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.14.1", name: "Intravascular Optical Coherence Tomography Image Storage - For Presentation", kind: .storage)
    public static let intravascularOpticalCoherenceTomographyImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.14.2", name: "Intravascular Optical Coherence Tomography Image Storage - For Processing", kind: .storage)
    public static let nuclearMedicineImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.20", name: "Nuclear Medicine Image Storage", kind: .storage)
    public static let parametricMapStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.30", name: "Parametric Map Storage", kind: .storage)
    public static let rawDataStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66", name: "Raw Data Storage", kind: .storage)
    public static let spatialRegistrationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.1", name: "Spatial Registration Storage", kind: .storage)
    public static let spatialFiducialsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.2", name: "Spatial Fiducials Storage", kind: .storage)
    public static let deformableSpatialRegistrationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.3", name: "Deformable Spatial Registration Storage", kind: .storage)
    public static let segmentationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.4", name: "Segmentation Storage", kind: .storage)
    public static let surfaceSegmentationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.5", name: "Surface Segmentation Storage", kind: .storage)
    public static let tractographyResultsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.66.6", name: "Tractography Results Storage", kind: .storage)
    public static let realWorldValueMappingStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.67", name: "Real World Value Mapping Storage", kind: .storage)
    public static let surfaceScanMeshStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.68.1", name: "Surface Scan Mesh Storage", kind: .storage)
    public static let surfaceScanPointCloudStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.68.2", name: "Surface Scan Point Cloud Storage", kind: .storage)
    public static let vlImageStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1", name: "VL Image Storage - Trial", kind: .storage, isRetired: true)
    public static let vlMultiFrameImageStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.2", name: "VL Multi-frame Image Storage - Trial", kind: .storage, isRetired: true)
    public static let vlEndoscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.1", name: "VL Endoscopic Image Storage", kind: .storage)
    public static let videoEndoscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.1.1", name: "Video Endoscopic Image Storage", kind: .storage)
    public static let vlMicroscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.2", name: "VL Microscopic Image Storage", kind: .storage)
    public static let videoMicroscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.2.1", name: "Video Microscopic Image Storage", kind: .storage)
    public static let vlSlideCoordinatesMicroscopicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.3", name: "VL Slide-Coordinates Microscopic Image Storage", kind: .storage)
    public static let vlPhotographicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.4", name: "VL Photographic Image Storage", kind: .storage)
    public static let videoPhotographicImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.4.1", name: "Video Photographic Image Storage", kind: .storage)
    public static let ophthalmicPhotography8BitImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.1", name: "Ophthalmic Photography 8 Bit Image Storage", kind: .storage)
    public static let ophthalmicPhotography16BitImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.2", name: "Ophthalmic Photography 16 Bit Image Storage", kind: .storage)
    public static let stereometricRelationshipStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.3", name: "Stereometric Relationship Storage", kind: .storage)
    public static let ophthalmicTomographyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.4", name: "Ophthalmic Tomography Image Storage", kind: .storage)
    public static let wideFieldOphthalmicPhotographyStereographicProjectionImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.5", name: "Wide Field Ophthalmic Photography Stereographic Projection Image Storage", kind: .storage)
    public static let wideFieldOphthalmicPhotography3DCoordinatesImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.6", name: "Wide Field Ophthalmic Photography 3D Coordinates Image Storage", kind: .storage)
    public static let ophthalmicOpticalCoherenceTomographyEnFaceImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.7", name: "Ophthalmic Optical Coherence Tomography En Face Image Storage", kind: .storage)
    public static let ophthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.5.8", name: "Ophthalmic Optical Coherence Tomography B-scan Volume Analysis Storage", kind: .storage)
    public static let vlWholeSlideMicroscopyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.6", name: "VL Whole Slide Microscopy Image Storage", kind: .storage)
    public static let dermoscopicPhotographyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.7", name: "Dermoscopic Photography Image Storage", kind: .storage)
    public static let confocalMicroscopyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.8", name: "Confocal Microscopy Image Storage", kind: .storage)
    public static let confocalMicroscopyTiledPyramidalImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.77.1.9", name: "Confocal Microscopy Tiled Pyramidal Image Storage", kind: .storage)
    public static let lensometryMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.1", name: "Lensometry Measurements Storage", kind: .storage)
    public static let autorefractionMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.2", name: "Autorefraction Measurements Storage", kind: .storage)
    public static let keratometryMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.3", name: "Keratometry Measurements Storage", kind: .storage)
    public static let subjectiveRefractionMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.4", name: "Subjective Refraction Measurements Storage", kind: .storage)
    public static let visualAcuityMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.5", name: "Visual Acuity Measurements Storage", kind: .storage)
    public static let spectaclePrescriptionReportStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.6", name: "Spectacle Prescription Report Storage", kind: .storage)
    public static let ophthalmicAxialMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.7", name: "Ophthalmic Axial Measurements Storage", kind: .storage)
    public static let intraocularLensCalculationsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.78.8", name: "Intraocular Lens Calculations Storage", kind: .storage)
    public static let macularGridThicknessAndVolumeReportStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.79.1", name: "Macular Grid Thickness and Volume Report Storage", kind: .storage)
    public static let ophthalmicVisualFieldStaticPerimetryMeasurementsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.80.1", name: "Ophthalmic Visual Field Static Perimetry Measurements Storage", kind: .storage)
    public static let ophthalmicThicknessMapStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.81.1", name: "Ophthalmic Thickness Map Storage", kind: .storage)
    public static let cornealTopographyMapStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.82.1", name: "Corneal Topography Map Storage", kind: .storage)
    public static let textSRStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.1", name: "Text SR Storage - Trial", kind: .storage, isRetired: true)
    public static let audioSRStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.2", name: "Audio SR Storage - Trial", kind: .storage, isRetired: true)
    public static let detailSRStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.3", name: "Detail SR Storage - Trial", kind: .storage, isRetired: true)
    public static let comprehensiveSRStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.4", name: "Comprehensive SR Storage - Trial", kind: .storage, isRetired: true)
    public static let basicTextSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.11", name: "Basic Text SR Storage", kind: .storage)
    public static let enhancedSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.22", name: "Enhanced SR Storage", kind: .storage)
    public static let comprehensiveSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.33", name: "Comprehensive SR Storage", kind: .storage)
    public static let comprehensive3DSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.34", name: "Comprehensive 3D SR Storage", kind: .storage)
    public static let extensibleSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.35", name: "Extensible SR Storage", kind: .storage)
    public static let procedureLogStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.40", name: "Procedure Log Storage", kind: .storage)
    public static let mammographyCADSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.50", name: "Mammography CAD SR Storage", kind: .storage)
    public static let keyObjectSelectionDocumentStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.59", name: "Key Object Selection Document Storage", kind: .storage)
    public static let chestCADSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.65", name: "Chest CAD SR Storage", kind: .storage)
    public static let xRayRadiationDoseSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.67", name: "X-Ray Radiation Dose SR Storage", kind: .storage)
    public static let radiopharmaceuticalRadiationDoseSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.68", name: "Radiopharmaceutical Radiation Dose SR Storage", kind: .storage)
    public static let colonCADSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.69", name: "Colon CAD SR Storage", kind: .storage)
    public static let implantationPlanSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.70", name: "Implantation Plan SR Storage", kind: .storage)
    public static let acquisitionContextSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.71", name: "Acquisition Context SR Storage", kind: .storage)
    public static let simplifiedAdultEchoSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.72", name: "Simplified Adult Echo SR Storage", kind: .storage)
    public static let patientRadiationDoseSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.73", name: "Patient Radiation Dose SR Storage", kind: .storage)
    public static let plannedImagingAgentAdministrationSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.74", name: "Planned Imaging Agent Administration SR Storage", kind: .storage)
    public static let performedImagingAgentAdministrationSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.75", name: "Performed Imaging Agent Administration SR Storage", kind: .storage)
    public static let enhancedXRayRadiationDoseSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.76", name: "Enhanced X-Ray Radiation Dose SR Storage", kind: .storage)
    public static let waveformAnnotationSRStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.77", name: "Waveform Annotation SR Storage", kind: .storage)
    public static let contentAssessmentResultsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.90.1", name: "Content Assessment Results Storage", kind: .storage)
    public static let microscopyBulkSimpleAnnotationsStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.91.1", name: "Microscopy Bulk Simple Annotations Storage", kind: .storage)
    public static let encapsulatedPDFStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.104.1", name: "Encapsulated PDF Storage", kind: .storage)
    public static let encapsulatedCDAStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.104.2", name: "Encapsulated CDA Storage", kind: .storage)
    public static let encapsulatedSTLStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.104.3", name: "Encapsulated STL Storage", kind: .storage)
    public static let encapsulatedOBJStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.104.4", name: "Encapsulated OBJ Storage", kind: .storage)
    public static let encapsulatedMTLStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.104.5", name: "Encapsulated MTL Storage", kind: .storage)
    public static let positronEmissionTomographyImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.128", name: "Positron Emission Tomography Image Storage", kind: .storage)
    public static let legacyConvertedEnhancedPETImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.128.1", name: "Legacy Converted Enhanced PET Image Storage", kind: .storage)
    public static let standalonePETCurveStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.129", name: "Standalone PET Curve Storage", kind: .storage, isRetired: true)
    public static let enhancedPETImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.130", name: "Enhanced PET Image Storage", kind: .storage)
    public static let basicStructuredDisplayStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.131", name: "Basic Structured Display Storage", kind: .storage)
    public static let ctDefinedProcedureProtocolStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.1", name: "CT Defined Procedure Protocol Storage", kind: .nonPatientObjectStorage)
    public static let ctPerformedProcedureProtocolStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.2", name: "CT Performed Procedure Protocol Storage", kind: .storage)
    public static let protocolApprovalStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.3", name: "Protocol Approval Storage", kind: .nonPatientObjectStorage)
    public static let protocolApprovalInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.4", name: "Protocol Approval Information Model - FIND", kind: .find(.protocolApproval))
    public static let protocolApprovalInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.5", name: "Protocol Approval Information Model - MOVE", kind: .move(.protocolApproval))
    public static let protocolApprovalInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.6", name: "Protocol Approval Information Model - GET", kind: .get(.protocolApproval))
    public static let xaDefinedProcedureProtocolStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.7", name: "XA Defined Procedure Protocol Storage", kind: .nonPatientObjectStorage)
    public static let xaPerformedProcedureProtocolStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.200.8", name: "XA Performed Procedure Protocol Storage", kind: .storage)
    public static let inventoryStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.1", name: "Inventory Storage", kind: .nonPatientObjectStorage)
    public static let inventoryFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.2", name: "Inventory - FIND", kind: .find(.inventory))
    public static let inventoryMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.3", name: "Inventory - MOVE", kind: .move(.inventory))
    public static let inventoryGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.4", name: "Inventory - GET", kind: .get(.inventory))
    public static let inventoryCreation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.5", name: "Inventory Creation", kind: .other)
    public static let repositoryQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.201.6", name: "Repository Query", kind: .other)
    public static let rtImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.1", name: "RT Image Storage", kind: .storage)
    public static let rtDoseStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.2", name: "RT Dose Storage", kind: .storage)
    public static let rtStructureSetStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.3", name: "RT Structure Set Storage", kind: .storage)
    public static let rtBeamsTreatmentRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.4", name: "RT Beams Treatment Record Storage", kind: .storage)
    public static let rtPlanStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.5", name: "RT Plan Storage", kind: .storage)
    public static let rtBrachyTreatmentRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.6", name: "RT Brachy Treatment Record Storage", kind: .storage)
    public static let rtTreatmentSummaryRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.7", name: "RT Treatment Summary Record Storage", kind: .storage)
    public static let rtIonPlanStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.8", name: "RT Ion Plan Storage", kind: .storage)
    public static let rtIonBeamsTreatmentRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.9", name: "RT Ion Beams Treatment Record Storage", kind: .storage)
    public static let rtPhysicianIntentStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.10", name: "RT Physician Intent Storage", kind: .storage)
    public static let rtSegmentAnnotationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.11", name: "RT Segment Annotation Storage", kind: .storage)
    public static let rtRadiationSetStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.12", name: "RT Radiation Set Storage", kind: .storage)
    public static let cArmPhotonElectronRadiationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.13", name: "C-Arm Photon-Electron Radiation Storage", kind: .storage)
    public static let tomotherapeuticRadiationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.14", name: "Tomotherapeutic Radiation Storage", kind: .storage)
    public static let roboticArmRadiationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.15", name: "Robotic-Arm Radiation Storage", kind: .storage)
    public static let rtRadiationRecordSetStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.16", name: "RT Radiation Record Set Storage", kind: .storage)
    public static let rtRadiationSalvageRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.17", name: "RT Radiation Salvage Record Storage", kind: .storage)
    public static let tomotherapeuticRadiationRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.18", name: "Tomotherapeutic Radiation Record Storage", kind: .storage)
    public static let cArmPhotonElectronRadiationRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.19", name: "C-Arm Photon-Electron Radiation Record Storage", kind: .storage)
    public static let roboticRadiationRecordStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.20", name: "Robotic Radiation Record Storage", kind: .storage)
    public static let rtRadiationSetDeliveryInstructionStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.21", name: "RT Radiation Set Delivery Instruction Storage", kind: .storage)
    public static let rtTreatmentPreparationStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.22", name: "RT Treatment Preparation Storage", kind: .storage)
    public static let enhancedRTImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.23", name: "Enhanced RT Image Storage", kind: .storage)
    public static let enhancedContinuousRTImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.24", name: "Enhanced Continuous RT Image Storage", kind: .storage)
    public static let rtPatientPositionAcquisitionInstructionStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.481.25", name: "RT Patient Position Acquisition Instruction Storage", kind: .storage)
    public static let dicosctImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.1", name: "DICOS CT Image Storage", kind: .storage)
    public static let dicosDigitalXRayImageStorageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.2.1", name: "DICOS Digital X-Ray Image Storage - For Presentation", kind: .storage)
    public static let dicosDigitalXRayImageStorageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.2.2", name: "DICOS Digital X-Ray Image Storage - For Processing", kind: .storage)
    public static let dicosThreatDetectionReportStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.3", name: "DICOS Threat Detection Report Storage", kind: .storage)
    public static let dicos2DAITStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.4", name: "DICOS 2D AIT Storage", kind: .storage)
    public static let dicos3DAITStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.5", name: "DICOS 3D AIT Storage", kind: .storage)
    public static let dicosQuadrupoleResonanceStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.501.6", name: "DICOS Quadrupole Resonance (QR) Storage", kind: .storage)
    public static let eddyCurrentImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.601.1", name: "Eddy Current Image Storage", kind: .storage)
    public static let eddyCurrentMultiFrameImageStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.601.2", name: "Eddy Current Multi-frame Image Storage", kind: .storage)
    public static let patientRootFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.1.1", name: "Patient Root Query/Retrieve Information Model - FIND", kind: .find(.patientRoot))
    public static let patientRootMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.1.2", name: "Patient Root Query/Retrieve Information Model - MOVE", kind: .move(.patientRoot))
    public static let patientRootGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.1.3", name: "Patient Root Query/Retrieve Information Model - GET", kind: .get(.patientRoot))
    public static let studyRootFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.2.1", name: "Study Root Query/Retrieve Information Model - FIND", kind: .find(.studyRoot))
    public static let studyRootMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.2.2", name: "Study Root Query/Retrieve Information Model - MOVE", kind: .move(.studyRoot))
    public static let studyRootGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.2.3", name: "Study Root Query/Retrieve Information Model - GET", kind: .get(.studyRoot))
    public static let patientStudyOnlyFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.3.1", name: "Patient/Study Only Query/Retrieve Information Model - FIND", kind: .find(.patientStudyOnly), isRetired: true)
    public static let patientStudyOnlyMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.3.2", name: "Patient/Study Only Query/Retrieve Information Model - MOVE", kind: .move(.patientStudyOnly), isRetired: true)
    public static let patientStudyOnlyGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.3.3", name: "Patient/Study Only Query/Retrieve Information Model - GET", kind: .get(.patientStudyOnly), isRetired: true)
    public static let compositeInstanceRootRetrieveMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.4.2", name: "Composite Instance Root Retrieve - MOVE", kind: .move(.compositeInstanceRoot))
    public static let compositeInstanceRootRetrieveGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.4.3", name: "Composite Instance Root Retrieve - GET", kind: .get(.compositeInstanceRoot))
    public static let compositeInstanceRetrieveWithoutBulkDataGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.2.5.3", name: "Composite Instance Retrieve Without Bulk Data - GET", kind: .get(.compositeInstanceRetrieveWithoutBulkData))
    public static let definedProcedureProtocolInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.20.1", name: "Defined Procedure Protocol Information Model - FIND", kind: .find(.definedProcedureProtocol))
    public static let definedProcedureProtocolInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.20.2", name: "Defined Procedure Protocol Information Model - MOVE", kind: .move(.definedProcedureProtocol))
    public static let definedProcedureProtocolInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.20.3", name: "Defined Procedure Protocol Information Model - GET", kind: .get(.definedProcedureProtocol))
    public static let modalityWorklistFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.31", name: "Modality Worklist Information Model - FIND", kind: .find(.modalityWorklist))
    public static let generalPurposeWorklistManagementMeta = SOPClass(
        uid: "1.2.840.10008.5.1.4.32", name: "General Purpose Worklist Management Meta SOP Class", kind: .other, isRetired: true)
    public static let generalPurposeWorklistInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.32.1", name: "General Purpose Worklist Information Model - FIND", kind: .find(.generalPurposeWorklist), isRetired: true)
    public static let generalPurposeScheduledProcedureStep = SOPClass(
        uid: "1.2.840.10008.5.1.4.32.2", name: "General Purpose Scheduled Procedure Step SOP Class", kind: .other, isRetired: true)
    public static let generalPurposePerformedProcedureStep = SOPClass(
        uid: "1.2.840.10008.5.1.4.32.3", name: "General Purpose Performed Procedure Step SOP Class", kind: .other, isRetired: true)
    public static let instanceAvailabilityNotification = SOPClass(
        uid: "1.2.840.10008.5.1.4.33", name: "Instance Availability Notification SOP Class", kind: .other)
    public static let rtBeamsDeliveryInstructionStorageTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.1", name: "RT Beams Delivery Instruction Storage - Trial", kind: .storage, isRetired: true)
    public static let rtConventionalMachineVerificationTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.2", name: "RT Conventional Machine Verification - Trial", kind: .other, isRetired: true)
    public static let rtIonMachineVerificationTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.3", name: "RT Ion Machine Verification - Trial", kind: .other, isRetired: true)
    public static let unifiedProcedureStepPushTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.4.1", name: "Unified Procedure Step - Push SOP Class - Trial", kind: .other, isRetired: true)
    public static let unifiedProcedureStepWatchTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.4.2", name: "Unified Procedure Step - Watch SOP Class - Trial", kind: .other, isRetired: true)
    public static let unifiedProcedureStepPullTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.4.3", name: "Unified Procedure Step - Pull SOP Class - Trial", kind: .other, isRetired: true)
    public static let unifiedProcedureStepEventTrial = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.4.4", name: "Unified Procedure Step - Event SOP Class - Trial", kind: .other, isRetired: true)
    public static let unifiedProcedureStepPush = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.6.1", name: "Unified Procedure Step - Push SOP Class", kind: .other)
    public static let unifiedProcedureStepWatch = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.6.2", name: "Unified Procedure Step - Watch SOP Class", kind: .other)
    public static let unifiedProcedureStepPull = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.6.3", name: "Unified Procedure Step - Pull SOP Class", kind: .other)
    public static let unifiedProcedureStepEvent = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.6.4", name: "Unified Procedure Step - Event SOP Class", kind: .other)
    public static let unifiedProcedureStepQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.6.5", name: "Unified Procedure Step - Query SOP Class", kind: .other)
    public static let rtBeamsDeliveryInstructionStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.7", name: "RT Beams Delivery Instruction Storage", kind: .storage)
    public static let rtConventionalMachineVerification = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.8", name: "RT Conventional Machine Verification", kind: .other)
    public static let rtIonMachineVerification = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.9", name: "RT Ion Machine Verification", kind: .other)
    public static let rtBrachyApplicationSetupDeliveryInstructionStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.34.10", name: "RT Brachy Application Setup Delivery Instruction Storage", kind: .storage)
    public static let generalRelevantPatientInformationQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.37.1", name: "General Relevant Patient Information Query", kind: .other)
    public static let breastImagingRelevantPatientInformationQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.37.2", name: "Breast Imaging Relevant Patient Information Query", kind: .other)
    public static let cardiacRelevantPatientInformationQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.37.3", name: "Cardiac Relevant Patient Information Query", kind: .other)
    public static let hangingProtocolStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.38.1", name: "Hanging Protocol Storage", kind: .nonPatientObjectStorage)
    public static let hangingProtocolInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.38.2", name: "Hanging Protocol Information Model - FIND", kind: .find(.hangingProtocol))
    public static let hangingProtocolInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.38.3", name: "Hanging Protocol Information Model - MOVE", kind: .move(.hangingProtocol))
    public static let hangingProtocolInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.38.4", name: "Hanging Protocol Information Model - GET", kind: .get(.hangingProtocol))
    public static let colorPaletteStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.39.1", name: "Color Palette Storage", kind: .nonPatientObjectStorage)
    public static let colorPaletteQueryRetrieveInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.39.2", name: "Color Palette Query/Retrieve Information Model - FIND", kind: .find(.colorPaletteQueryRetrieve))
    public static let colorPaletteQueryRetrieveInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.39.3", name: "Color Palette Query/Retrieve Information Model - MOVE", kind: .move(.colorPaletteQueryRetrieve))
    public static let colorPaletteQueryRetrieveInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.39.4", name: "Color Palette Query/Retrieve Information Model - GET", kind: .get(.colorPaletteQueryRetrieve))
    public static let productCharacteristicsQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.41", name: "Product Characteristics Query SOP Class", kind: .other)
    public static let substanceApprovalQuery = SOPClass(
        uid: "1.2.840.10008.5.1.4.42", name: "Substance Approval Query SOP Class", kind: .other)
    public static let genericImplantTemplateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.43.1", name: "Generic Implant Template Storage", kind: .nonPatientObjectStorage)
    public static let genericImplantTemplateInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.43.2", name: "Generic Implant Template Information Model - FIND", kind: .find(.genericImplantTemplate))
    public static let genericImplantTemplateInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.43.3", name: "Generic Implant Template Information Model - MOVE", kind: .move(.genericImplantTemplate))
    public static let genericImplantTemplateInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.43.4", name: "Generic Implant Template Information Model - GET", kind: .get(.genericImplantTemplate))
    public static let implantAssemblyTemplateStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.44.1", name: "Implant Assembly Template Storage", kind: .nonPatientObjectStorage)
    public static let implantAssemblyTemplateInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.44.2", name: "Implant Assembly Template Information Model - FIND", kind: .find(.implantAssemblyTemplate))
    public static let implantAssemblyTemplateInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.44.3", name: "Implant Assembly Template Information Model - MOVE", kind: .move(.implantAssemblyTemplate))
    public static let implantAssemblyTemplateInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.44.4", name: "Implant Assembly Template Information Model - GET", kind: .get(.implantAssemblyTemplate))
    public static let implantTemplateGroupStorage = SOPClass(
        uid: "1.2.840.10008.5.1.4.45.1", name: "Implant Template Group Storage", kind: .nonPatientObjectStorage)
    public static let implantTemplateGroupInformationModelFind = SOPClass(
        uid: "1.2.840.10008.5.1.4.45.2", name: "Implant Template Group Information Model - FIND", kind: .find(.implantTemplateGroup))
    public static let implantTemplateGroupInformationModelMove = SOPClass(
        uid: "1.2.840.10008.5.1.4.45.3", name: "Implant Template Group Information Model - MOVE", kind: .move(.implantTemplateGroup))
    public static let implantTemplateGroupInformationModelGet = SOPClass(
        uid: "1.2.840.10008.5.1.4.45.4", name: "Implant Template Group Information Model - GET", kind: .get(.implantTemplateGroup))
    public static let videoEndoscopicImageRealTimeCommunication = SOPClass(
        uid: "1.2.840.10008.10.1", name: "Video Endoscopic Image Real-Time Communication", kind: .other)
    public static let videoPhotographicImageRealTimeCommunication = SOPClass(
        uid: "1.2.840.10008.10.2", name: "Video Photographic Image Real-Time Communication", kind: .other)
    public static let audioWaveformRealTimeCommunication = SOPClass(
        uid: "1.2.840.10008.10.3", name: "Audio Waveform Real-Time Communication", kind: .other)
    public static let renditionSelectionDocumentRealTimeCommunication = SOPClass(
        uid: "1.2.840.10008.10.4", name: "Rendition Selection Document Real-Time Communication", kind: .other)

    /// Every SOP class of PS3.6 Annex A, retired included, in registry order.
    public static let all: [SOPClass] = [
        .verification,
        .mediaStorageDirectoryStorage,
        .basicStudyContentNotification,
        .storageCommitmentPushModel,
        .storageCommitmentPullModel,
        .proceduralEventLogging,
        .substanceAdministrationLogging,
        .detachedPatientManagement,
        .detachedPatientManagementMeta,
        .detachedVisitManagement,
        .detachedStudyManagement,
        .studyComponentManagement,
        .modalityPerformedProcedureStep,
        .modalityPerformedProcedureStepRetrieve,
        .modalityPerformedProcedureStepNotification,
        .detachedResultsManagement,
        .detachedResultsManagementMeta,
        .detachedStudyManagementMeta,
        .detachedInterpretationManagement,
        .basicFilmSession,
        .basicFilmBox,
        .basicGrayscaleImageBox,
        .basicColorImageBox,
        .referencedImageBox,
        .basicGrayscalePrintManagementMeta,
        .referencedGrayscalePrintManagementMeta,
        .printJob,
        .basicAnnotationBox,
        .printer,
        .printerConfigurationRetrieval,
        .basicColorPrintManagementMeta,
        .referencedColorPrintManagementMeta,
        .voilutBox,
        .presentationLUT,
        .imageOverlayBox,
        .basicPrintImageOverlayBox,
        .printQueueManagement,
        .storedPrintStorage,
        .hardcopyGrayscaleImageStorage,
        .hardcopyColorImageStorage,
        .pullPrintRequest,
        .pullStoredPrintManagementMeta,
        .mediaCreationManagement,
        .displaySystem,
        .computedRadiographyImageStorage,
        .digitalXRayImageStorageForPresentation,
        .digitalXRayImageStorageForProcessing,
        .digitalMammographyXRayImageStorageForPresentation,
        .digitalMammographyXRayImageStorageForProcessing,
        .digitalIntraOralXRayImageStorageForPresentation,
        .digitalIntraOralXRayImageStorageForProcessing,
        .ctImageStorage,
        .enhancedCTImageStorage,
        .legacyConvertedEnhancedCTImageStorage,
        .ultrasoundMultiFrameImageStorageRetired,
        .ultrasoundMultiFrameImageStorage,
        .mrImageStorage,
        .enhancedMRImageStorage,
        .mrSpectroscopyStorage,
        .enhancedMRColorImageStorage,
        .legacyConvertedEnhancedMRImageStorage,
        .nuclearMedicineImageStorageRetired,
        .ultrasoundImageStorageRetired,
        .ultrasoundImageStorage,
        .enhancedUSVolumeStorage,
        .photoacousticImageStorage,
        .secondaryCaptureImageStorage,
        .multiFrameSingleBitSecondaryCaptureImageStorage,
        .multiFrameGrayscaleByteSecondaryCaptureImageStorage,
        .multiFrameGrayscaleWordSecondaryCaptureImageStorage,
        .multiFrameTrueColorSecondaryCaptureImageStorage,
        .standaloneOverlayStorage,
        .standaloneCurveStorage,
        .waveformStorageTrial,
        .twelveLeadECGWaveformStorage,
        .generalECGWaveformStorage,
        .ambulatoryECGWaveformStorage,
        .general32bitECGWaveformStorage,
        .hemodynamicWaveformStorage,
        .cardiacElectrophysiologyWaveformStorage,
        .basicVoiceAudioWaveformStorage,
        .generalAudioWaveformStorage,
        .arterialPulseWaveformStorage,
        .respiratoryWaveformStorage,
        .multichannelRespiratoryWaveformStorage,
        .routineScalpElectroencephalogramWaveformStorage,
        .electromyogramWaveformStorage,
        .electrooculogramWaveformStorage,
        .sleepElectroencephalogramWaveformStorage,
        .bodyPositionWaveformStorage,
        .standaloneModalityLUTStorage,
        .standaloneVOILUTStorage,
        .grayscaleSoftcopyPresentationStateStorage,
        .colorSoftcopyPresentationStateStorage,
        .pseudoColorSoftcopyPresentationStateStorage,
        .blendingSoftcopyPresentationStateStorage,
        .xaxrfGrayscaleSoftcopyPresentationStateStorage,
        .grayscalePlanarMPRVolumetricPresentationStateStorage,
        .compositingPlanarMPRVolumetricPresentationStateStorage,
        .advancedBlendingPresentationStateStorage,
        .volumeRenderingVolumetricPresentationStateStorage,
        .segmentedVolumeRenderingVolumetricPresentationStateStorage,
        .multipleVolumeRenderingVolumetricPresentationStateStorage,
        .variableModalityLUTSoftcopyPresentationStateStorage,
        .xRayAngiographicImageStorage,
        .enhancedXAImageStorage,
        .xRayRadiofluoroscopicImageStorage,
        .enhancedXRFImageStorage,
        .xRayAngiographicBiPlaneImageStorage,
        .xRay3DAngiographicImageStorage,
        .xRay3DCraniofacialImageStorage,
        .breastTomosynthesisImageStorage,
        .breastProjectionXRayImageStorageForPresentation,
        .breastProjectionXRayImageStorageForProcessing,
        .intravascularOpticalCoherenceTomographyImageStorageForPresentation,
        .intravascularOpticalCoherenceTomographyImageStorageForProcessing,
        .nuclearMedicineImageStorage,
        .parametricMapStorage,
        .rawDataStorage,
        .spatialRegistrationStorage,
        .spatialFiducialsStorage,
        .deformableSpatialRegistrationStorage,
        .segmentationStorage,
        .surfaceSegmentationStorage,
        .tractographyResultsStorage,
        .realWorldValueMappingStorage,
        .surfaceScanMeshStorage,
        .surfaceScanPointCloudStorage,
        .vlImageStorageTrial,
        .vlMultiFrameImageStorageTrial,
        .vlEndoscopicImageStorage,
        .videoEndoscopicImageStorage,
        .vlMicroscopicImageStorage,
        .videoMicroscopicImageStorage,
        .vlSlideCoordinatesMicroscopicImageStorage,
        .vlPhotographicImageStorage,
        .videoPhotographicImageStorage,
        .ophthalmicPhotography8BitImageStorage,
        .ophthalmicPhotography16BitImageStorage,
        .stereometricRelationshipStorage,
        .ophthalmicTomographyImageStorage,
        .wideFieldOphthalmicPhotographyStereographicProjectionImageStorage,
        .wideFieldOphthalmicPhotography3DCoordinatesImageStorage,
        .ophthalmicOpticalCoherenceTomographyEnFaceImageStorage,
        .ophthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage,
        .vlWholeSlideMicroscopyImageStorage,
        .dermoscopicPhotographyImageStorage,
        .confocalMicroscopyImageStorage,
        .confocalMicroscopyTiledPyramidalImageStorage,
        .lensometryMeasurementsStorage,
        .autorefractionMeasurementsStorage,
        .keratometryMeasurementsStorage,
        .subjectiveRefractionMeasurementsStorage,
        .visualAcuityMeasurementsStorage,
        .spectaclePrescriptionReportStorage,
        .ophthalmicAxialMeasurementsStorage,
        .intraocularLensCalculationsStorage,
        .macularGridThicknessAndVolumeReportStorage,
        .ophthalmicVisualFieldStaticPerimetryMeasurementsStorage,
        .ophthalmicThicknessMapStorage,
        .cornealTopographyMapStorage,
        .textSRStorageTrial,
        .audioSRStorageTrial,
        .detailSRStorageTrial,
        .comprehensiveSRStorageTrial,
        .basicTextSRStorage,
        .enhancedSRStorage,
        .comprehensiveSRStorage,
        .comprehensive3DSRStorage,
        .extensibleSRStorage,
        .procedureLogStorage,
        .mammographyCADSRStorage,
        .keyObjectSelectionDocumentStorage,
        .chestCADSRStorage,
        .xRayRadiationDoseSRStorage,
        .radiopharmaceuticalRadiationDoseSRStorage,
        .colonCADSRStorage,
        .implantationPlanSRStorage,
        .acquisitionContextSRStorage,
        .simplifiedAdultEchoSRStorage,
        .patientRadiationDoseSRStorage,
        .plannedImagingAgentAdministrationSRStorage,
        .performedImagingAgentAdministrationSRStorage,
        .enhancedXRayRadiationDoseSRStorage,
        .waveformAnnotationSRStorage,
        .contentAssessmentResultsStorage,
        .microscopyBulkSimpleAnnotationsStorage,
        .encapsulatedPDFStorage,
        .encapsulatedCDAStorage,
        .encapsulatedSTLStorage,
        .encapsulatedOBJStorage,
        .encapsulatedMTLStorage,
        .positronEmissionTomographyImageStorage,
        .legacyConvertedEnhancedPETImageStorage,
        .standalonePETCurveStorage,
        .enhancedPETImageStorage,
        .basicStructuredDisplayStorage,
        .ctDefinedProcedureProtocolStorage,
        .ctPerformedProcedureProtocolStorage,
        .protocolApprovalStorage,
        .protocolApprovalInformationModelFind,
        .protocolApprovalInformationModelMove,
        .protocolApprovalInformationModelGet,
        .xaDefinedProcedureProtocolStorage,
        .xaPerformedProcedureProtocolStorage,
        .inventoryStorage,
        .inventoryFind,
        .inventoryMove,
        .inventoryGet,
        .inventoryCreation,
        .repositoryQuery,
        .rtImageStorage,
        .rtDoseStorage,
        .rtStructureSetStorage,
        .rtBeamsTreatmentRecordStorage,
        .rtPlanStorage,
        .rtBrachyTreatmentRecordStorage,
        .rtTreatmentSummaryRecordStorage,
        .rtIonPlanStorage,
        .rtIonBeamsTreatmentRecordStorage,
        .rtPhysicianIntentStorage,
        .rtSegmentAnnotationStorage,
        .rtRadiationSetStorage,
        .cArmPhotonElectronRadiationStorage,
        .tomotherapeuticRadiationStorage,
        .roboticArmRadiationStorage,
        .rtRadiationRecordSetStorage,
        .rtRadiationSalvageRecordStorage,
        .tomotherapeuticRadiationRecordStorage,
        .cArmPhotonElectronRadiationRecordStorage,
        .roboticRadiationRecordStorage,
        .rtRadiationSetDeliveryInstructionStorage,
        .rtTreatmentPreparationStorage,
        .enhancedRTImageStorage,
        .enhancedContinuousRTImageStorage,
        .rtPatientPositionAcquisitionInstructionStorage,
        .dicosctImageStorage,
        .dicosDigitalXRayImageStorageForPresentation,
        .dicosDigitalXRayImageStorageForProcessing,
        .dicosThreatDetectionReportStorage,
        .dicos2DAITStorage,
        .dicos3DAITStorage,
        .dicosQuadrupoleResonanceStorage,
        .eddyCurrentImageStorage,
        .eddyCurrentMultiFrameImageStorage,
        .patientRootFind,
        .patientRootMove,
        .patientRootGet,
        .studyRootFind,
        .studyRootMove,
        .studyRootGet,
        .patientStudyOnlyFind,
        .patientStudyOnlyMove,
        .patientStudyOnlyGet,
        .compositeInstanceRootRetrieveMove,
        .compositeInstanceRootRetrieveGet,
        .compositeInstanceRetrieveWithoutBulkDataGet,
        .definedProcedureProtocolInformationModelFind,
        .definedProcedureProtocolInformationModelMove,
        .definedProcedureProtocolInformationModelGet,
        .modalityWorklistFind,
        .generalPurposeWorklistManagementMeta,
        .generalPurposeWorklistInformationModelFind,
        .generalPurposeScheduledProcedureStep,
        .generalPurposePerformedProcedureStep,
        .instanceAvailabilityNotification,
        .rtBeamsDeliveryInstructionStorageTrial,
        .rtConventionalMachineVerificationTrial,
        .rtIonMachineVerificationTrial,
        .unifiedProcedureStepPushTrial,
        .unifiedProcedureStepWatchTrial,
        .unifiedProcedureStepPullTrial,
        .unifiedProcedureStepEventTrial,
        .unifiedProcedureStepPush,
        .unifiedProcedureStepWatch,
        .unifiedProcedureStepPull,
        .unifiedProcedureStepEvent,
        .unifiedProcedureStepQuery,
        .rtBeamsDeliveryInstructionStorage,
        .rtConventionalMachineVerification,
        .rtIonMachineVerification,
        .rtBrachyApplicationSetupDeliveryInstructionStorage,
        .generalRelevantPatientInformationQuery,
        .breastImagingRelevantPatientInformationQuery,
        .cardiacRelevantPatientInformationQuery,
        .hangingProtocolStorage,
        .hangingProtocolInformationModelFind,
        .hangingProtocolInformationModelMove,
        .hangingProtocolInformationModelGet,
        .colorPaletteStorage,
        .colorPaletteQueryRetrieveInformationModelFind,
        .colorPaletteQueryRetrieveInformationModelMove,
        .colorPaletteQueryRetrieveInformationModelGet,
        .productCharacteristicsQuery,
        .substanceApprovalQuery,
        .genericImplantTemplateStorage,
        .genericImplantTemplateInformationModelFind,
        .genericImplantTemplateInformationModelMove,
        .genericImplantTemplateInformationModelGet,
        .implantAssemblyTemplateStorage,
        .implantAssemblyTemplateInformationModelFind,
        .implantAssemblyTemplateInformationModelMove,
        .implantAssemblyTemplateInformationModelGet,
        .implantTemplateGroupStorage,
        .implantTemplateGroupInformationModelFind,
        .implantTemplateGroupInformationModelMove,
        .implantTemplateGroupInformationModelGet,
        .videoEndoscopicImageRealTimeCommunication,
        .videoPhotographicImageRealTimeCommunication,
        .audioWaveformRealTimeCommunication,
        .renditionSelectionDocumentRealTimeCommunication,
    ]
}
