/// Tags of the attributes PACSLink names in code: the command group (PS3.7 Annex E), the file
/// meta information (PS3.10 §7.1) and the attributes of PS3.6 §6 that query/retrieve and
/// storage use. Their VR, VM and names are in `DataDictionary`.
extension Tag {
    /// Command Group Length (0000,0000).
    public static let commandGroupLength = Tag(0x0000, 0x0000)
    /// Affected SOP Class UID (0000,0002).
    public static let affectedSOPClassUID = Tag(0x0000, 0x0002)
    /// Requested SOP Class UID (0000,0003).
    public static let requestedSOPClassUID = Tag(0x0000, 0x0003)
    /// Command Field (0000,0100).
    public static let commandField = Tag(0x0000, 0x0100)
    /// Message ID (0000,0110).
    public static let messageID = Tag(0x0000, 0x0110)
    /// Message ID Being Responded To (0000,0120).
    public static let messageIDBeingRespondedTo = Tag(0x0000, 0x0120)
    /// Move Destination (0000,0600).
    public static let moveDestination = Tag(0x0000, 0x0600)
    /// Priority (0000,0700).
    public static let priority = Tag(0x0000, 0x0700)
    /// Command Data Set Type (0000,0800).
    public static let commandDataSetType = Tag(0x0000, 0x0800)
    /// Status (0000,0900).
    public static let status = Tag(0x0000, 0x0900)
    /// Offending Element (0000,0901).
    public static let offendingElement = Tag(0x0000, 0x0901)
    /// Error Comment (0000,0902).
    public static let errorComment = Tag(0x0000, 0x0902)
    /// Error ID (0000,0903).
    public static let errorID = Tag(0x0000, 0x0903)
    /// Affected SOP Instance UID (0000,1000).
    public static let affectedSOPInstanceUID = Tag(0x0000, 0x1000)
    /// Requested SOP Instance UID (0000,1001).
    public static let requestedSOPInstanceUID = Tag(0x0000, 0x1001)
    /// Event Type ID (0000,1002).
    public static let eventTypeID = Tag(0x0000, 0x1002)
    /// Attribute Identifier List (0000,1005).
    public static let attributeIdentifierList = Tag(0x0000, 0x1005)
    /// Action Type ID (0000,1008).
    public static let actionTypeID = Tag(0x0000, 0x1008)
    /// Number of Remaining Sub-operations (0000,1020).
    public static let numberOfRemainingSuboperations = Tag(0x0000, 0x1020)
    /// Number of Completed Sub-operations (0000,1021).
    public static let numberOfCompletedSuboperations = Tag(0x0000, 0x1021)
    /// Number of Failed Sub-operations (0000,1022).
    public static let numberOfFailedSuboperations = Tag(0x0000, 0x1022)
    /// Number of Warning Sub-operations (0000,1023).
    public static let numberOfWarningSuboperations = Tag(0x0000, 0x1023)
    /// Move Originator Application Entity Title (0000,1030).
    public static let moveOriginatorApplicationEntityTitle = Tag(0x0000, 0x1030)
    /// Move Originator Message ID (0000,1031).
    public static let moveOriginatorMessageID = Tag(0x0000, 0x1031)
    /// File Meta Information Group Length (0002,0000).
    public static let fileMetaInformationGroupLength = Tag(0x0002, 0x0000)
    /// File Meta Information Version (0002,0001).
    public static let fileMetaInformationVersion = Tag(0x0002, 0x0001)
    /// Media Storage SOP Class UID (0002,0002).
    public static let mediaStorageSOPClassUID = Tag(0x0002, 0x0002)
    /// Media Storage SOP Instance UID (0002,0003).
    public static let mediaStorageSOPInstanceUID = Tag(0x0002, 0x0003)
    /// Transfer Syntax UID (0002,0010).
    public static let transferSyntaxUID = Tag(0x0002, 0x0010)
    /// Implementation Class UID (0002,0012).
    public static let implementationClassUID = Tag(0x0002, 0x0012)
    /// Implementation Version Name (0002,0013).
    public static let implementationVersionName = Tag(0x0002, 0x0013)
    /// Source Application Entity Title (0002,0016).
    public static let sourceApplicationEntityTitle = Tag(0x0002, 0x0016)
    /// Sending Application Entity Title (0002,0017).
    public static let sendingApplicationEntityTitle = Tag(0x0002, 0x0017)
    /// Receiving Application Entity Title (0002,0018).
    public static let receivingApplicationEntityTitle = Tag(0x0002, 0x0018)
    /// Source Presentation Address (0002,0026).
    public static let sourcePresentationAddress = Tag(0x0002, 0x0026)
    /// Sending Presentation Address (0002,0027).
    public static let sendingPresentationAddress = Tag(0x0002, 0x0027)
    /// Receiving Presentation Address (0002,0028).
    public static let receivingPresentationAddress = Tag(0x0002, 0x0028)
    /// Private Information Creator UID (0002,0100).
    public static let privateInformationCreatorUID = Tag(0x0002, 0x0100)
    /// Private Information (0002,0102).
    public static let privateInformation = Tag(0x0002, 0x0102)
    /// Specific Character Set (0008,0005).
    public static let specificCharacterSet = Tag(0x0008, 0x0005)
    /// Image Type (0008,0008).
    public static let imageType = Tag(0x0008, 0x0008)
    /// Instance Creation Date (0008,0012).
    public static let instanceCreationDate = Tag(0x0008, 0x0012)
    /// Instance Creation Time (0008,0013).
    public static let instanceCreationTime = Tag(0x0008, 0x0013)
    /// SOP Class UID (0008,0016).
    public static let sopClassUID = Tag(0x0008, 0x0016)
    /// SOP Instance UID (0008,0018).
    public static let sopInstanceUID = Tag(0x0008, 0x0018)
    /// Study Date (0008,0020).
    public static let studyDate = Tag(0x0008, 0x0020)
    /// Series Date (0008,0021).
    public static let seriesDate = Tag(0x0008, 0x0021)
    /// Acquisition Date (0008,0022).
    public static let acquisitionDate = Tag(0x0008, 0x0022)
    /// Content Date (0008,0023).
    public static let contentDate = Tag(0x0008, 0x0023)
    /// Acquisition Date Time (0008,002A).
    public static let acquisitionDateTime = Tag(0x0008, 0x002A)
    /// Study Time (0008,0030).
    public static let studyTime = Tag(0x0008, 0x0030)
    /// Series Time (0008,0031).
    public static let seriesTime = Tag(0x0008, 0x0031)
    /// Acquisition Time (0008,0032).
    public static let acquisitionTime = Tag(0x0008, 0x0032)
    /// Content Time (0008,0033).
    public static let contentTime = Tag(0x0008, 0x0033)
    /// Accession Number (0008,0050).
    public static let accessionNumber = Tag(0x0008, 0x0050)
    /// Issuer of Accession Number Sequence (0008,0051).
    public static let issuerOfAccessionNumberSequence = Tag(0x0008, 0x0051)
    /// Query/Retrieve Level (0008,0052).
    public static let queryRetrieveLevel = Tag(0x0008, 0x0052)
    /// Query/Retrieve View (0008,0053).
    public static let queryRetrieveView = Tag(0x0008, 0x0053)
    /// Retrieve AE Title (0008,0054).
    public static let retrieveAETitle = Tag(0x0008, 0x0054)
    /// Instance Availability (0008,0056).
    public static let instanceAvailability = Tag(0x0008, 0x0056)
    /// Failed SOP Instance UID List (0008,0058).
    public static let failedSOPInstanceUIDList = Tag(0x0008, 0x0058)
    /// Modality (0008,0060).
    public static let modality = Tag(0x0008, 0x0060)
    /// Modalities in Study (0008,0061).
    public static let modalitiesInStudy = Tag(0x0008, 0x0061)
    /// SOP Classes in Study (0008,0062).
    public static let sopClassesInStudy = Tag(0x0008, 0x0062)
    /// Conversion Type (0008,0064).
    public static let conversionType = Tag(0x0008, 0x0064)
    /// Manufacturer (0008,0070).
    public static let manufacturer = Tag(0x0008, 0x0070)
    /// Institution Name (0008,0080).
    public static let institutionName = Tag(0x0008, 0x0080)
    /// Referring Physician's Name (0008,0090).
    public static let referringPhysicianName = Tag(0x0008, 0x0090)
    /// Code Value (0008,0100).
    public static let codeValue = Tag(0x0008, 0x0100)
    /// Coding Scheme Designator (0008,0102).
    public static let codingSchemeDesignator = Tag(0x0008, 0x0102)
    /// Code Meaning (0008,0104).
    public static let codeMeaning = Tag(0x0008, 0x0104)
    /// Timezone Offset From UTC (0008,0201).
    public static let timezoneOffsetFromUTC = Tag(0x0008, 0x0201)
    /// Station Name (0008,1010).
    public static let stationName = Tag(0x0008, 0x1010)
    /// Study Description (0008,1030).
    public static let studyDescription = Tag(0x0008, 0x1030)
    /// Procedure Code Sequence (0008,1032).
    public static let procedureCodeSequence = Tag(0x0008, 0x1032)
    /// Series Description (0008,103E).
    public static let seriesDescription = Tag(0x0008, 0x103E)
    /// Institutional Department Name (0008,1040).
    public static let institutionalDepartmentName = Tag(0x0008, 0x1040)
    /// Physician(s) of Record (0008,1048).
    public static let physiciansOfRecord = Tag(0x0008, 0x1048)
    /// Performing Physician's Name (0008,1050).
    public static let performingPhysicianName = Tag(0x0008, 0x1050)
    /// Name of Physician(s) Reading Study (0008,1060).
    public static let nameOfPhysiciansReadingStudy = Tag(0x0008, 0x1060)
    /// Operators' Name (0008,1070).
    public static let operatorsName = Tag(0x0008, 0x1070)
    /// Admitting Diagnoses Description (0008,1080).
    public static let admittingDiagnosesDescription = Tag(0x0008, 0x1080)
    /// Manufacturer's Model Name (0008,1090).
    public static let manufacturerModelName = Tag(0x0008, 0x1090)
    /// Referenced Study Sequence (0008,1110).
    public static let referencedStudySequence = Tag(0x0008, 0x1110)
    /// Referenced Series Sequence (0008,1115).
    public static let referencedSeriesSequence = Tag(0x0008, 0x1115)
    /// Referenced Patient Sequence (0008,1120).
    public static let referencedPatientSequence = Tag(0x0008, 0x1120)
    /// Referenced Image Sequence (0008,1140).
    public static let referencedImageSequence = Tag(0x0008, 0x1140)
    /// Referenced SOP Class UID (0008,1150).
    public static let referencedSOPClassUID = Tag(0x0008, 0x1150)
    /// Referenced SOP Instance UID (0008,1155).
    public static let referencedSOPInstanceUID = Tag(0x0008, 0x1155)
    /// Retrieve URL (0008,1190).
    public static let retrieveURL = Tag(0x0008, 0x1190)
    /// Failure Reason (0008,1197).
    public static let failureReason = Tag(0x0008, 0x1197)
    /// Failed SOP Sequence (0008,1198).
    public static let failedSOPSequence = Tag(0x0008, 0x1198)
    /// Referenced SOP Sequence (0008,1199).
    public static let referencedSOPSequence = Tag(0x0008, 0x1199)
    /// Derivation Description (0008,2111).
    public static let derivationDescription = Tag(0x0008, 0x2111)
    /// Source Image Sequence (0008,2112).
    public static let sourceImageSequence = Tag(0x0008, 0x2112)
    /// Available Transfer Syntax UID (0008,3002).
    public static let availableTransferSyntaxUID = Tag(0x0008, 0x3002)
    /// Patient's Name (0010,0010).
    public static let patientName = Tag(0x0010, 0x0010)
    /// Patient ID (0010,0020).
    public static let patientID = Tag(0x0010, 0x0020)
    /// Issuer of Patient ID (0010,0021).
    public static let issuerOfPatientID = Tag(0x0010, 0x0021)
    /// Type of Patient ID (0010,0022).
    public static let typeOfPatientID = Tag(0x0010, 0x0022)
    /// Patient's Birth Date (0010,0030).
    public static let patientBirthDate = Tag(0x0010, 0x0030)
    /// Patient's Birth Time (0010,0032).
    public static let patientBirthTime = Tag(0x0010, 0x0032)
    /// Patient's Sex (0010,0040).
    public static let patientSex = Tag(0x0010, 0x0040)
    /// Other Patient Names (0010,1001).
    public static let otherPatientNames = Tag(0x0010, 0x1001)
    /// Other Patient IDs Sequence (0010,1002).
    public static let otherPatientIDsSequence = Tag(0x0010, 0x1002)
    /// Patient's Age (0010,1010).
    public static let patientAge = Tag(0x0010, 0x1010)
    /// Patient's Size (0010,1020).
    public static let patientSize = Tag(0x0010, 0x1020)
    /// Patient's Weight (0010,1030).
    public static let patientWeight = Tag(0x0010, 0x1030)
    /// Ethnic Group (0010,2160).
    public static let ethnicGroup = Tag(0x0010, 0x2160)
    /// Occupation (0010,2180).
    public static let occupation = Tag(0x0010, 0x2180)
    /// Additional Patient History (0010,21B0).
    public static let additionalPatientHistory = Tag(0x0010, 0x21B0)
    /// Patient Comments (0010,4000).
    public static let patientComments = Tag(0x0010, 0x4000)
    /// Patient Identity Removed (0012,0062).
    public static let patientIdentityRemoved = Tag(0x0012, 0x0062)
    /// Body Part Examined (0018,0015).
    public static let bodyPartExamined = Tag(0x0018, 0x0015)
    /// Slice Thickness (0018,0050).
    public static let sliceThickness = Tag(0x0018, 0x0050)
    /// Protocol Name (0018,1030).
    public static let protocolName = Tag(0x0018, 0x1030)
    /// Patient Position (0018,5100).
    public static let patientPosition = Tag(0x0018, 0x5100)
    /// Study Instance UID (0020,000D).
    public static let studyInstanceUID = Tag(0x0020, 0x000D)
    /// Series Instance UID (0020,000E).
    public static let seriesInstanceUID = Tag(0x0020, 0x000E)
    /// Study ID (0020,0010).
    public static let studyID = Tag(0x0020, 0x0010)
    /// Series Number (0020,0011).
    public static let seriesNumber = Tag(0x0020, 0x0011)
    /// Acquisition Number (0020,0012).
    public static let acquisitionNumber = Tag(0x0020, 0x0012)
    /// Instance Number (0020,0013).
    public static let instanceNumber = Tag(0x0020, 0x0013)
    /// Patient Orientation (0020,0020).
    public static let patientOrientation = Tag(0x0020, 0x0020)
    /// Image Position (Patient) (0020,0032).
    public static let imagePositionPatient = Tag(0x0020, 0x0032)
    /// Image Orientation (Patient) (0020,0037).
    public static let imageOrientationPatient = Tag(0x0020, 0x0037)
    /// Frame of Reference UID (0020,0052).
    public static let frameOfReferenceUID = Tag(0x0020, 0x0052)
    /// Laterality (0020,0060).
    public static let laterality = Tag(0x0020, 0x0060)
    /// Slice Location (0020,1041).
    public static let sliceLocation = Tag(0x0020, 0x1041)
    /// Number of Patient Related Studies (0020,1200).
    public static let numberOfPatientRelatedStudies = Tag(0x0020, 0x1200)
    /// Number of Patient Related Series (0020,1202).
    public static let numberOfPatientRelatedSeries = Tag(0x0020, 0x1202)
    /// Number of Patient Related Instances (0020,1204).
    public static let numberOfPatientRelatedInstances = Tag(0x0020, 0x1204)
    /// Number of Study Related Series (0020,1206).
    public static let numberOfStudyRelatedSeries = Tag(0x0020, 0x1206)
    /// Number of Study Related Instances (0020,1208).
    public static let numberOfStudyRelatedInstances = Tag(0x0020, 0x1208)
    /// Number of Series Related Instances (0020,1209).
    public static let numberOfSeriesRelatedInstances = Tag(0x0020, 0x1209)
    /// Image Comments (0020,4000).
    public static let imageComments = Tag(0x0020, 0x4000)
    /// Samples Per Pixel (0028,0002).
    public static let samplesPerPixel = Tag(0x0028, 0x0002)
    /// Photometric Interpretation (0028,0004).
    public static let photometricInterpretation = Tag(0x0028, 0x0004)
    /// Planar Configuration (0028,0006).
    public static let planarConfiguration = Tag(0x0028, 0x0006)
    /// Number of Frames (0028,0008).
    public static let numberOfFrames = Tag(0x0028, 0x0008)
    /// Rows (0028,0010).
    public static let rows = Tag(0x0028, 0x0010)
    /// Columns (0028,0011).
    public static let columns = Tag(0x0028, 0x0011)
    /// Pixel Spacing (0028,0030).
    public static let pixelSpacing = Tag(0x0028, 0x0030)
    /// Pixel Aspect Ratio (0028,0034).
    public static let pixelAspectRatio = Tag(0x0028, 0x0034)
    /// Bits Allocated (0028,0100).
    public static let bitsAllocated = Tag(0x0028, 0x0100)
    /// Bits Stored (0028,0101).
    public static let bitsStored = Tag(0x0028, 0x0101)
    /// High Bit (0028,0102).
    public static let highBit = Tag(0x0028, 0x0102)
    /// Pixel Representation (0028,0103).
    public static let pixelRepresentation = Tag(0x0028, 0x0103)
    /// Smallest Image Pixel Value (0028,0106).
    public static let smallestImagePixelValue = Tag(0x0028, 0x0106)
    /// Largest Image Pixel Value (0028,0107).
    public static let largestImagePixelValue = Tag(0x0028, 0x0107)
    /// Burned in Annotation (0028,0301).
    public static let burnedInAnnotation = Tag(0x0028, 0x0301)
    /// Window Center (0028,1050).
    public static let windowCenter = Tag(0x0028, 0x1050)
    /// Window Width (0028,1051).
    public static let windowWidth = Tag(0x0028, 0x1051)
    /// Rescale Intercept (0028,1052).
    public static let rescaleIntercept = Tag(0x0028, 0x1052)
    /// Rescale Slope (0028,1053).
    public static let rescaleSlope = Tag(0x0028, 0x1053)
    /// Rescale Type (0028,1054).
    public static let rescaleType = Tag(0x0028, 0x1054)
    /// Lossy Image Compression (0028,2110).
    public static let lossyImageCompression = Tag(0x0028, 0x2110)
    /// Lossy Image Compression Ratio (0028,2112).
    public static let lossyImageCompressionRatio = Tag(0x0028, 0x2112)
    /// Lossy Image Compression Method (0028,2114).
    public static let lossyImageCompressionMethod = Tag(0x0028, 0x2114)
    /// Requested Procedure Description (0032,1060).
    public static let requestedProcedureDescription = Tag(0x0032, 0x1060)
    /// Scheduled Procedure Step ID (0040,0009).
    public static let scheduledProcedureStepID = Tag(0x0040, 0x0009)
    /// Performed Procedure Step Start Date (0040,0244).
    public static let performedProcedureStepStartDate = Tag(0x0040, 0x0244)
    /// Performed Procedure Step Start Time (0040,0245).
    public static let performedProcedureStepStartTime = Tag(0x0040, 0x0245)
    /// Request Attributes Sequence (0040,0275).
    public static let requestAttributesSequence = Tag(0x0040, 0x0275)
    /// Requested Procedure ID (0040,1001).
    public static let requestedProcedureID = Tag(0x0040, 0x1001)
    /// Retrieve Location UID (0040,E011).
    public static let retrieveLocationUID = Tag(0x0040, 0xE011)
    /// Document Title (0042,0010).
    public static let documentTitle = Tag(0x0042, 0x0010)
    /// Encapsulated Document (0042,0011).
    public static let encapsulatedDocument = Tag(0x0042, 0x0011)
    /// MIME Type of Encapsulated Document (0042,0012).
    public static let mimeTypeOfEncapsulatedDocument = Tag(0x0042, 0x0012)
    /// Storage Media File-set ID (0088,0130).
    public static let storageMediaFileSetID = Tag(0x0088, 0x0130)
    /// Storage Media File-set UID (0088,0140).
    public static let storageMediaFileSetUID = Tag(0x0088, 0x0140)
    /// Extended Offset Table (7FE0,0001).
    public static let extendedOffsetTable = Tag(0x7FE0, 0x0001)
    /// Extended Offset Table Lengths (7FE0,0002).
    public static let extendedOffsetTableLengths = Tag(0x7FE0, 0x0002)
    /// Float Pixel Data (7FE0,0008).
    public static let floatPixelData = Tag(0x7FE0, 0x0008)
    /// Double Float Pixel Data (7FE0,0009).
    public static let doubleFloatPixelData = Tag(0x7FE0, 0x0009)
    /// Pixel Data (7FE0,0010).
    public static let pixelData = Tag(0x7FE0, 0x0010)
    /// Data Set Trailing Padding (FFFC,FFFC).
    public static let dataSetTrailingPadding = Tag(0xFFFC, 0xFFFC)
}
