import DICOMProtocol
import PACSLink
import Testing

func sendFile(_ index: Int, sopClass: String = "1.2.840.10008.5.1.4.1.1.2", syntax: TransferSyntax = .explicitVRLittleEndian, length: Int = 10) -> SendFile {
    SendFile(path: "/f\(index)", sopClassUID: sopClass, sopInstanceUID: "1.2.3.\(index)", transferSyntax: syntax, dataSetLength: length)
}

@Suite("Send: presentation context plan (PS3.8 9.3.2.2)")
struct SendPlanTests {
    @Test("PS3.8 9.3.2.2 one context per SOP class and transfer syntax, offering only the file's own syntax")
    func contextsPerPair() {
        let files = [
            sendFile(1), sendFile(2, syntax: .implicitVRLittleEndian), sendFile(3),
            sendFile(4, sopClass: "1.2.840.10008.5.1.4.1.1.7", syntax: .jpegBaseline),
        ]
        let plan = SendPlan(files: files, associations: 1)
        #expect(plan.lanes.count == 1)
        #expect(plan.associationCount == 1)
        let association = plan.lanes[0][0]
        #expect(association.files == files)
        #expect(association.contexts.map(\.id) == [1, 3, 5])
        #expect(association.contexts.map(\.transferSyntaxes) == [
            [TransferSyntax.explicitVRLittleEndian.uid], [TransferSyntax.implicitVRLittleEndian.uid], [TransferSyntax.jpegBaseline.uid],
        ])
        #expect(files.map { association.contextID(for: $0) } == [1, 3, 1, 5])
    }

    @Test("PS3.8 9.3.2.2 more than 128 syntax pairs need more associations, each with at most 128 contexts")
    func moreThan128Pairs() {
        let files = (0..<300).map { sendFile($0, sopClass: "1.2.3.\($0 % 130)") }
        let plan = SendPlan(files: files, associations: 1)
        let associations = plan.lanes[0]
        #expect(associations.count > 1)
        #expect(associations.allSatisfy { $0.contexts.count <= SendPlan.maximumPresentationContexts })
        #expect(associations.allSatisfy { Set($0.contexts.map(\.id)).count == $0.contexts.count && $0.contexts.allSatisfy { $0.id % 2 == 1 } })
        #expect(associations.flatMap(\.files) == files)
        for association in associations {
            #expect(association.files.allSatisfy { association.contextID(for: $0) != nil })
        }
    }

    @Test("N associations share the bytes fairly and every file is sent exactly once")
    func balancedLanes() {
        let sizes = [900, 100, 500, 400, 300, 300, 200, 200, 100, 100]
        let files = sizes.enumerated().map { sendFile($0.offset, length: $0.element) }
        let plan = SendPlan(files: files, associations: 3)
        #expect(plan.lanes.count == 3)
        let loads = plan.lanes.map { $0.reduce(0) { $0 + $1.bytes } }
        #expect(loads.max()! - loads.min()! <= 100)
        #expect(Set(plan.lanes.flatMap { $0.flatMap(\.files) }) == Set(files))
        #expect(plan.lanes.flatMap { $0.flatMap(\.files) }.count == files.count)
        // Within a lane, files keep the order they were found in.
        for lane in plan.lanes {
            let positions = lane.flatMap(\.files).compactMap { files.firstIndex(of: $0) }
            #expect(positions == positions.sorted())
        }
    }

    @Test("more associations than files: one lane per file; no files: no association")
    func edges() {
        #expect(SendPlan(files: [sendFile(1), sendFile(2)], associations: 8).lanes.count == 2)
        #expect(SendPlan(files: [], associations: 4).associationCount == 0)
    }
}
