import Testing
import DICOMProtocol
@testable import PACSLink

/// The doctor's report: steps with verdicts, failure when any step failed, JSON with every
/// step's data; the probe UIDs; and the registration probe revised by the retrieve test.
@Suite("doctor report")
struct DoctorReportTests {
    static func report(_ verdicts: [DoctorVerdict]) -> DoctorReport {
        DoctorReport(
            server: "pacs", target: "QRSCP at h:104", ourAETitle: "PACSLINK", listenPort: 11113,
            steps: zip(DoctorStep.Kind.allCases, verdicts).map { DoctorStep($0, $1, duration: .milliseconds(2), finding: "f") })
    }

    @Test("a report fails when a step failed, not for warnings or skipped steps")
    func failed() {
        #expect(!Self.report([.ok, .warning, .skipped, .ok]).failed)
        #expect(Self.report([.ok, .failed, .skipped]).failed)
    }

    @Test("JSON: every step in order with verdict, milliseconds, finding, advice and data")
    func json() {
        var report = Self.report([.ok, .failed])
        report.steps[1].advice = "do this"
        report.steps[1].data = [("local_address", .string("10.0.0.7"))]
        guard case .object(let members) = report.json, case .array(let steps)? = members.first(where: { $0.0 == "steps" })?.1 else {
            Issue.record("no steps in \(report.json.serialized())")
            return
        }
        #expect(steps.count == 2)
        #expect(steps[1] == .object([
            ("step", .string("connect")), ("title", .string("TCP connect")), ("verdict", .string("failed")),
            ("milliseconds", .number("2.0")), ("finding", .string("f")), ("advice", .string("do this")),
            ("data", .object([("local_address", .string("10.0.0.7"))])),
        ]))
        #expect(members.contains { $0.0 == "failed" && $0.1 == .bool(true) })
    }

    @Test("milliseconds with one decimal")
    func milliseconds() {
        #expect(DoctorStep.milliseconds(.microseconds(12_345)) == "12.3")
        #expect(DoctorStep.milliseconds(.seconds(2)) == "2000.0")
        #expect(DoctorStep.milliseconds(.zero) == "0.0")
    }

    @Test("PS3.5 B.2 probe UIDs: valid 2.25 UIDs, a different one each time")
    func nonexistentUIDs() throws {
        let uids = (0..<1000).map { _ in Doctor.nonexistentStudyUID() }
        #expect(Set(uids).count == uids.count)
        for uid in uids {
            try UID.validate(uid, field: "probe")
            #expect(uid.hasPrefix("2.25.") && !uid.hasPrefix("2.25.0"))
        }
    }

    @Test("PS3.4 C.4.2.1.5 a probe that passed is failed when the retrieve test then got 0xA801")
    func reconcile() {
        let probe = DoctorStep(.registration, .ok, duration: .zero, finding: "accepted")
        var test = DoctorStep(.retrieveTest, .failed, duration: .zero, finding: "0xA801", advice: "register us",
                              data: [("status", .string(DIMSEStatus(code: 0xA801).description))])
        let revised = Doctor.reconcile(registration: probe, retrieveTest: test)
        #expect(revised.verdict == .failed)
        #expect(revised.advice == "register us")
        test.data = [("status", .string(DIMSEStatus(code: 0xA702).description))]
        #expect(Doctor.reconcile(registration: probe, retrieveTest: test).verdict == .ok)
    }
}
