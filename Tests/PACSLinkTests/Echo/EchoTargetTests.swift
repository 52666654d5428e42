import Testing
@testable import PACSLink

@Suite("Echo targets and failure classes")
struct EchoTargetTests {
    @Test("Endpoints CSV: header, rows with and without TLS, errors naming the line")
    func endpointsCSV() throws {
        let targets = try EchoTarget.endpoints(
            csv: "name,ae,host,port,tls\nLab,STORESCP,127.0.0.1,11112,no\n\n,PACS,[::1],2762,yes\nOld,OLD,h,104,\n",
            callingAETitle: "ME", timeout: .seconds(3))
        #expect(targets.map(\.calledAETitle) == ["STORESCP", "PACS", "OLD"])
        #expect(targets.map(\.name) == ["Lab", nil, "Old"])
        #expect(targets.map { $0.tls != nil } == [false, true, false])
        #expect(targets.allSatisfy { $0.callingAETitle == "ME" && $0.timeout == .seconds(3) })
        #expect(throws: RegistryError(.invalid, "endpoints CSV line 2: port \"0\" is not 1–65535")) {
            try EchoTarget.endpoints(csv: "name,ae,host,port,tls\nX,A,h,0,no", callingAETitle: "ME", timeout: .seconds(1))
        }
        #expect(throws: RegistryError.self) {
            try EchoTarget.endpoints(csv: "host,port\n", callingAETitle: "ME", timeout: .seconds(1))
        }
    }

    @Test("An invalid AE title fails before any network phase, as an invalid value")
    func invalidTitle() async throws {
        #expect(throws: EchoFailure(.invalidValue, phase: "associate", message: "AE title \"A\\B\" contains a backslash (PS3.5 §6.2, AE)")) {
            try EchoSCU.associationRequest(for: EchoTarget(host: "h", port: 1, calledAETitle: "A\\B"))
        }
    }
}
