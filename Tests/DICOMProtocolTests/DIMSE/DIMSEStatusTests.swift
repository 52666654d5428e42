import Testing
@testable import DICOMProtocol

@Suite("PS3.7 Annex C DIMSE statuses")
struct DIMSEStatusTests {
    @Test("PS3.7 Annex C categories", arguments: [
        (UInt16(0x0000), DIMSEStatus.Category.success), (0xFF00, .pending), (0xFF01, .pending),
        (0xFE00, .cancel), (0x0001, .warning), (0x0107, .warning), (0x0116, .warning),
        (0xB000, .warning), (0xB007, .warning), (0xA700, .failure), (0xA801, .failure),
        (0xA900, .failure), (0xC000, .failure), (0xCFFF, .failure), (0x0122, .failure),
        (0x0211, .failure), (0x0124, .failure),
    ])
    func categories(code: UInt16, category: DIMSEStatus.Category) {
        #expect(DIMSEStatus(code: code).category == category)
    }

    @Test("PS3.4 B.2.3 storage meanings")
    func storage() {
        #expect(DIMSEStatus(code: 0xA7F0).meaning(for: .cStoreRSP) == "Refused: Out of Resources")
        #expect(DIMSEStatus(code: 0xA912).meaning(for: .cStoreRSP) == "Error: Data Set does not match SOP Class")
        #expect(DIMSEStatus(code: 0xC123).meaning(for: .cStoreRSP) == "Error: Cannot understand")
        #expect(DIMSEStatus.warningB000.meaning(for: .cStoreRSP) == "Warning: Coercion of Data Elements")
        #expect(DIMSEStatus.elementsDiscarded.meaning(for: .cStoreRSP) == "Warning: Elements Discarded")
        #expect(DIMSEStatus.dataSetDoesNotMatchSOPClassWarning.meaning(for: .cStoreRSP) == "Warning: Data Set does not match SOP Class")
    }

    @Test("PS3.4 C.4 query/retrieve meanings differ from storage for the same code")
    func queryRetrieve() {
        #expect(DIMSEStatus.warningB000.meaning(for: .cMoveRSP) == "Warning: sub-operations complete – one or more failures or warnings")
        #expect(DIMSEStatus.unableToProcess.meaning(for: .cFindRSP) == "Failed: Unable to process")
        #expect(DIMSEStatus.pendingOptionalKeysNotSupported.meaning(for: .cFindRSP).contains("optional keys"))
        #expect(DIMSEStatus.outOfResourcesSubOperations.meaning(for: .cGetRSP).contains("unable to perform sub-operations"))
        #expect(DIMSEStatus.cancel.meaning(for: .cMoveRSP).contains("Cancel"))
    }

    @Test("0xA801 says what happened and what to do")
    func moveDestinationUnknown() {
        let text = DIMSEStatus.moveDestinationUnknown.description(for: .cMoveRSP)
        #expect(text.hasPrefix("0xA801 (failure): Refused: Move Destination unknown"))
        #expect(text.contains("register our AE title"))
        let rsp = CMoveRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: nil, status: .moveDestinationUnknown)
        #expect(rsp.statusDescription == text)
    }

    @Test("codes the standard does not define are failures with an honest description")
    func unknown() {
        #expect(DIMSEStatus(code: 0xD001).description == "0xD001 (failure): Status code not defined by the standard (treated as failure)")
    }
}
