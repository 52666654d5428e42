import Foundation
import Testing
import TestSupport

/// The harness itself: a DCMTK server started from a test must stop on SIGTERM (children
/// inherit the spawning thread's signal mask; Dispatch workers block signals).
@Test("a storescp started by a test exits on SIGTERM, well before the SIGKILL fallback")
func storescpStopsOnSIGTERM() throws {
    let port = FreePort.next()
    let scp = try ChildProcess(try DCMTK.tool("storescp"), [String(port)])
    try scp.waitUntilListening(on: port)
    let started = Date()
    scp.stop(grace: 5)
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(scp.process.terminationReason == .uncaughtSignal)
    #expect(scp.process.terminationStatus == SIGTERM)
}
