import Foundation
import Testing
import TestSupport

/// `pacslink listen` as a Verification SCP for DCMTK's `echoscu`, and against hostile peers.
@Suite("listen against echoscu and hostile peers", .serialized)
struct ListenInteropTests {
    let directory: TemporaryDirectory
    let ports: [UInt16]
    let listener: ChildProcess

    /// Starts `pacslink listen` on two ports as OURS, with a 1 s timeout for peers.
    init() throws {
        directory = try TemporaryDirectory(prefix: "listen-interop")
        ports = [FreePort.next(), FreePort.next()]
        listener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/user.ini", "--admin-config", directory.path + "/admin.ini", "listen",
             "--port", String(ports[0]), "--port", String(ports[1]), "--aet", "OURS", "--timeout", "1"])
        for port in ports { try listener.waitUntilListening(on: port) }
    }

    func echoscu(called: String = "OURS", port: UInt16) throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.run(try DCMTK.tool("echoscu"), ["-aet", "ECHOSCU", "-aec", called, "127.0.0.1", String(port)], timeout: 30)
    }

    @Test("PS3.4 Annex A: echoscu succeeds against our listener on two ports at once")
    func twoPorts() throws {
        for port in ports {
            let run = try echoscu(port: port)
            #expect(run.status == 0, "\(run.stderr)")
        }
        listener.stop()
        #expect(listener.stdout.components(separatedBy: "C-ECHO from").count - 1 == 2, "\(listener.stdout)")
    }

    @Test("PS3.8 9.3.4 echoscu with a wrong called AE title is rejected: 'called AE title not recognized', and logged")
    func wrongCalledAE() throws {
        let run = try echoscu(called: "WRONG", port: ports[1])
        #expect(run.status != 0)
        #expect((run.stdout + run.stderr).contains("Called AE Title Not Recognized"), "\(run.stdout)\(run.stderr)")
        listener.stop()
        #expect(listener.stdout.contains("called WRONG): rejected (permanent): called AE title not recognized"), "\(listener.stdout)")
    }

    @Test("PS3.15 B.1: echoscu +tls and +tla succeed against listen --tls-port; a TLS client on a plain port fails alone")
    func tls() throws {
        let certificates = try EchoTLSCertificates()
        let tlsPort = FreePort.next()
        let tlsListener = try ChildProcess(
            BuiltProducts.pacslink(),
            ["--config", directory.path + "/user.ini", "--admin-config", directory.path + "/admin.ini", "listen",
             "--tls-port", String(tlsPort), "--aet", "OURS", "--tls-cert", certificates.certificate("server"),
             "--tls-key", certificates.key("server"), "--timeout", "2"])
        try tlsListener.waitUntilListening(on: tlsPort)
        let tool = try DCMTK.tool("echoscu")
        var run = try ChildProcess.run(tool, [
            "-aet", "ECHOSCU", "-aec", "OURS", "+tls", certificates.key("client"), certificates.certificate("client"),
            "+cf", certificates.certificate("server"), "localhost", String(tlsPort)], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        run = try ChildProcess.run(tool, ["-aet", "ECHOSCU", "-aec", "OURS", "+tla", "-ic", "localhost", String(tlsPort)], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        // A TLS client on the plain listener fails, and the plain listener keeps working.
        run = try ChildProcess.run(tool, ["-aet", "ECHOSCU", "-aec", "OURS", "+tla", "-ic", "127.0.0.1", String(ports[0])], timeout: 30)
        #expect(run.status != 0)
        #expect(try echoscu(port: ports[0]).status == 0)
        tlsListener.stop()
        #expect(tlsListener.stdout.components(separatedBy: "C-ECHO from").count - 1 == 2, "\(tlsListener.stdout)")
    }

    @Test("Garbage, an oversize PDU length and a half-sent PDU each end only their own connection while echoscu keeps succeeding",
          arguments: [
              ("garbage", [UInt8](repeating: 0xEE, count: 64)),
              ("oversize PDU length", [0x01, 0, 0x7F, 0xFF, 0xFF, 0xFF]),
              ("half-sent PDU", [0x01, 0, 0, 0, 0, 200, 0, 1, 0, 0]),
          ])
    func hostile(_ name: String, _ bytes: [UInt8]) throws {
        let hostile = try RawPeer(connectingTo: ports[0])
        hostile.send(bytes)
        let started = Date()
        // Meanwhile, on the same listener, echoes keep working.
        for _ in 0..<3 {
            let run = try echoscu(port: ports[0])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        let (received, closed) = hostile.readUntilClosed(timeout: 5)
        #expect(closed, "\(name): connection still open")
        #expect(Date().timeIntervalSince(started) < 5)
        if name != "half-sent PDU" {
            // An A-ABORT PDU came first (type 7).
            #expect(received.first == 0x07, "\(name): received \(received)")
        }
        listener.stop()
        #expect(listener.process.terminationStatus == 0, "listen did not exit cleanly on SIGTERM")
        // The log says why that connection ended.
        let why = name == "half-sent PDU" ? "no A-ASSOCIATE-RQ within" : "aborted: "
        #expect(listener.stdout.contains(why), "\(name): \(listener.stdout)")
    }
}
