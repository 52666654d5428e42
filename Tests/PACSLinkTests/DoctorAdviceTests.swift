import Testing
import DICOMProtocol
import DICOMTransport
@testable import PACSLink

/// The doctor's advice for association failures: each A-ASSOCIATE-RJ reason (PS3.8 §9.3.4,
/// Table 9-21) becomes what to ask whom, naming our AE, host and listen port.
@Suite("doctor advice")
struct DoctorAdviceTests {
    static let advice = DoctorAdvice(
        entry: try! ServerEntry(name: "pacs", settings: [("ae_title", "HOSPPACS"), ("host", "pacs.example.org"), ("port", "104"), ("listen_port", "11113")]),
        ourAETitle: "PACSLINK", ourHost: "10.0.0.7", timeout: .seconds(10))

    @Test("PS3.8 9.3.4 calling AE title not recognized: register AE, host, listen port")
    func callingAENotRecognized() {
        let text = Self.advice.rejected(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.callingAETitleNotRecognized)))
        #expect(text == "The PACS does not know calling AE PACSLINK: ask its administrator to register AE PACSLINK, host 10.0.0.7, port 11113.")
    }

    @Test("PS3.8 9.3.4 called AE title not recognized: check the server's AE title and our registration")
    func calledAENotRecognized() {
        let text = Self.advice.rejected(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized)))
        #expect(text.hasPrefix("The PACS does not answer to AE title HOSPPACS"))
        #expect(text.contains("pacslink servers edit pacs --ae AE"))
        #expect(text.hasSuffix("--ae AE`) and to register AE PACSLINK, host 10.0.0.7, port 11113."))
    }

    @Test("PS3.8 9.3.4 no reason given: most PACS mean an unknown calling AE")
    func noReasonGiven() {
        let text = Self.advice.rejected(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.noReasonGiven)))
        #expect(text.contains("without saying why"))
        #expect(text.contains("register AE PACSLINK, host 10.0.0.7, port 11113"))
        #expect(!text.contains("transient"))
    }

    @Test("PS3.8 9.3.4 transient, local limit exceeded: the PACS is busy, try again later")
    func busy() {
        let text = Self.advice.rejected(AssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation(.localLimitExceeded)))
        #expect(text.contains("busy"))
        #expect(text.hasSuffix("trying again later may work."))
    }

    @Test("an association that timed out or was aborted: name the port, TLS and the logs")
    func otherFailures() {
        let timeout = Self.advice.failed(EchoFailure(.timeout, phase: "associate", message: "no answer"))
        #expect(timeout.contains("did not answer within 10.0 seconds"))
        #expect(timeout.contains("whether it expects TLS"))
        let aborted = Self.advice.failed(EchoFailure(.aborted, phase: "associate", message: "A-ABORT"))
        #expect(aborted.contains("check AE PACSLINK, host 10.0.0.7"))
    }
}
