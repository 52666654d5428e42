import Testing
@testable import DICOMProtocol

@Suite("PS3.6 Annex A SOP classes")
struct SOPClassTests {
    @Test("the registry has unique, valid UIDs")
    func registry() {
        #expect(Set(SOPClass.all.map(\.uid)).count == SOPClass.all.count)
        #expect(SOPClass.all.allSatisfy { UID.isValid($0.uid) && !$0.name.isEmpty })
    }

    @Test("PS3.4 B.5 allStorage: every standard storage class, none retired, none of another kind")
    func allStorage() {
        let storage = SOPClass.allStorage
        #expect(storage.count >= 170)
        #expect(storage.allSatisfy { $0.kind == .storage && !$0.isRetired })
        #expect(storage.allSatisfy { $0.name.contains("Storage") })
        let uids = Set(storage.map(\.uid))
        for uid in [
            "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.7",
            "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.88.11",
            "1.2.840.10008.5.1.4.1.1.104.1", "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.128",
            "1.2.840.10008.5.1.4.1.1.77.1.6", "1.2.840.10008.5.1.4.1.1.66.4", "1.2.840.10008.5.1.4.1.1.20",
        ] {
            #expect(uids.contains(uid), "\(uid)")
        }
        // Retired, storage commitment, DICOMDIR and non-patient objects are not B.5 storage.
        for uid in [
            "1.2.840.10008.5.1.4.1.1.5", "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.1.20.1",
            "1.2.840.10008.1.3.10", "1.2.840.10008.5.1.4.38.1",
        ] {
            #expect(!uids.contains(uid), "\(uid)")
        }
    }

    @Test("PS3.4 C.6 query/retrieve classes carry their model and operation", arguments: [
        (SOPClass.patientRootFind, "1.2.840.10008.5.1.4.1.2.1.1", SOPClass.Kind.find(.patientRoot)),
        (.patientRootMove, "1.2.840.10008.5.1.4.1.2.1.2", .move(.patientRoot)),
        (.patientRootGet, "1.2.840.10008.5.1.4.1.2.1.3", .get(.patientRoot)),
        (.studyRootFind, "1.2.840.10008.5.1.4.1.2.2.1", .find(.studyRoot)),
        (.studyRootMove, "1.2.840.10008.5.1.4.1.2.2.2", .move(.studyRoot)),
        (.studyRootGet, "1.2.840.10008.5.1.4.1.2.2.3", .get(.studyRoot)),
        (.compositeInstanceRootRetrieveGet, "1.2.840.10008.5.1.4.1.2.4.3", .get(.compositeInstanceRoot)),
        (.modalityWorklistFind, "1.2.840.10008.5.1.4.31", .find(.modalityWorklist)),
        (.verification, "1.2.840.10008.1.1", .verification),
        (.ctImageStorage, "1.2.840.10008.5.1.4.1.1.2", .storage),
        (.hangingProtocolStorage, "1.2.840.10008.5.1.4.38.1", .nonPatientObjectStorage),
        (.storageCommitmentPushModel, "1.2.840.10008.1.20.1", .other),
    ])
    func kinds(_ sopClass: SOPClass, uid: String, kind: SOPClass.Kind) {
        #expect(sopClass.uid == uid)
        #expect(sopClass.kind == kind)
        #expect(SOPClass.lookup(uid: uid) == sopClass)
    }

    @Test("lookup gives the standard's name and nil for unregistered UIDs")
    func lookup() {
        #expect(SOPClass.lookup(uid: "1.2.840.10008.5.1.4.1.1.4")?.name == "MR Image Storage")
        #expect(SOPClass.lookup(uid: "1.2.840.10008.5.1.4.1.2.3.1")?.isRetired == true)
        #expect(SOPClass.lookup(uid: "1.2.3.4") == nil)
    }
}
