import Foundation
import Testing
@testable import DICOMProtocol

@Suite("PS3.6 data dictionary subset")
struct DataDictionaryTests {
    @Test("PS3.7 Table E.1-1: the command group")
    func commandGroup() throws {
        let expected: [(DICOMProtocol.Tag, VR, String)] = [
            (Tag(0x0000, 0x0000), .UL, "CommandGroupLength"), (Tag(0x0000, 0x0002), .UI, "AffectedSOPClassUID"),
            (Tag(0x0000, 0x0003), .UI, "RequestedSOPClassUID"), (Tag(0x0000, 0x0100), .US, "CommandField"),
            (Tag(0x0000, 0x0110), .US, "MessageID"), (Tag(0x0000, 0x0120), .US, "MessageIDBeingRespondedTo"),
            (Tag(0x0000, 0x0600), .AE, "MoveDestination"), (Tag(0x0000, 0x0700), .US, "Priority"),
            (Tag(0x0000, 0x0800), .US, "CommandDataSetType"), (Tag(0x0000, 0x0900), .US, "Status"),
            (Tag(0x0000, 0x0901), .AT, "OffendingElement"), (Tag(0x0000, 0x0902), .LO, "ErrorComment"),
            (Tag(0x0000, 0x0903), .US, "ErrorID"), (Tag(0x0000, 0x1000), .UI, "AffectedSOPInstanceUID"),
            (Tag(0x0000, 0x1001), .UI, "RequestedSOPInstanceUID"), (Tag(0x0000, 0x1002), .US, "EventTypeID"),
            (Tag(0x0000, 0x1005), .AT, "AttributeIdentifierList"), (Tag(0x0000, 0x1008), .US, "ActionTypeID"),
            (Tag(0x0000, 0x1020), .US, "NumberOfRemainingSuboperations"),
            (Tag(0x0000, 0x1021), .US, "NumberOfCompletedSuboperations"),
            (Tag(0x0000, 0x1022), .US, "NumberOfFailedSuboperations"),
            (Tag(0x0000, 0x1023), .US, "NumberOfWarningSuboperations"),
            (Tag(0x0000, 0x1030), .AE, "MoveOriginatorApplicationEntityTitle"),
            (Tag(0x0000, 0x1031), .US, "MoveOriginatorMessageID"),
        ]
        for (tag, vr, keyword) in expected {
            let entry = try #require(DataDictionary.entry(for: tag), "\(tag)")
            #expect(entry.vr == vr && entry.keyword == keyword)
            #expect(DataDictionary.entry(forKeyword: keyword)?.tag == tag)
        }
        #expect(DataDictionary.entries.filter { $0.tag.group == 0 }.count == expected.count)
    }

    @Test("PS3.4 C.6.1.1 patient root and C.6.2.1 study root keys are known by keyword", arguments: [
        "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyDate", "StudyTime", "AccessionNumber",
        "StudyID", "StudyInstanceUID", "ReferringPhysicianName", "StudyDescription", "ModalitiesInStudy",
        "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances", "Modality", "SeriesNumber",
        "SeriesInstanceUID", "SeriesDescription", "NumberOfSeriesRelatedInstances", "InstanceNumber",
        "SOPInstanceUID", "SOPClassUID", "QueryRetrieveLevel", "SpecificCharacterSet", "RetrieveAETitle",
        "NumberOfPatientRelatedStudies", "TransferSyntaxUID", "MediaStorageSOPInstanceUID", "PixelData",
    ])
    func queryKeys(keyword: String) throws {
        let entry = try #require(DataDictionary.entry(forKeyword: keyword))
        #expect(DataDictionary.entry(for: entry.tag) == entry)
    }

    @Test("PS3.6 VRs of well-known attributes; unknown tags are UN for Implicit VR")
    func vrs() {
        #expect(DataDictionary.entry(for: .patientName)?.name == "Patient's Name")
        #expect(DataDictionary.entry(for: .patientName)?.vr == .PN)
        #expect(DataDictionary.entry(for: .studyDate)?.vr == .DA)
        #expect(DataDictionary.entry(for: .modalitiesInStudy)?.vm == "1-n")
        #expect(DataDictionary.implicitVR(for: .pixelData) == .OW)
        #expect(DataDictionary.implicitVR(for: .referencedSOPSequence) == .SQ)
        #expect(DataDictionary.implicitVR(for: Tag(0x0009, 0x1001)) == .UN)
        #expect(DataDictionary.implicitVR(for: Tag(0x0018, 0x0000)) == .UL)  // group length
    }

    /// DCMTK's dictionary (installed with DCMTK 3.6.7) as an independent reading of PS3.6: its
    /// pseudo-VRs "xs" (US or SS) and "px"/"ox" (OB or OW) are the ones we resolve to US and OW.
    @Test("every entry agrees with DCMTK's dicom.dic on tag, VR, VM and keyword")
    func agreesWithDCMTK() throws {
        let text = try String(contentsOfFile: "/usr/share/libdcmtk17/dicom.dic", encoding: .utf8)
        var dcmtk: [String: (tag: String, vr: String, vm: String)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("(") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 4 else { continue }
            dcmtk[fields[2]] = (fields[0], fields[1], fields[3])
        }
        let pseudo = ["xs": "US", "px": "OW", "ox": "OW"]
        for entry in DataDictionary.entries {
            let theirs = try #require(dcmtk[entry.keyword], "\(entry.keyword)")
            #expect(theirs.tag == entry.tag.description, "\(entry.keyword)")
            #expect((pseudo[theirs.vr] ?? theirs.vr) == entry.vr.description, "\(entry.keyword)")
            #expect(theirs.vm == entry.vm, "\(entry.keyword)")
        }
    }
}
