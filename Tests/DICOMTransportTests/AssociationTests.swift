import Foundation
import Testing
import DICOMProtocol
import TestSupport
@testable import DICOMTransport

extension TransportTests {
    @Suite("Association actor and multiplexed acceptor (PS3.8 §9 over loopback)")
    struct AssociationTests {
        @Test("PS3.8 9.2 associate, C-ECHO and release over loopback on two ports at once")
        func echoOnTwoPorts() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let log = EventLog()
            let (acceptor, ports) = try await startEchoAcceptor(group: group, ports: 2, log: log)
            for port in ports {
                #expect(try await echoOnce(port: port, on: group.loops[1]) == .success)
            }
            #expect(await eventually { acceptor.activeAssociations == 0 })
            #expect(log.events.filter { $0.hasPrefix("accepted association") }.count == 2)
            await acceptor.stop()
        }

        @Test("PS3.8 9.3.4 a wrong called AE title is rejected 1/1/7 'called AE title not recognized'")
        func wrongCalledAE() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            let log = EventLog()
            let (acceptor, ports) = try await startEchoAcceptor(group: group, log: log)
            do {
                _ = try await Association.request(echoRequest(port: ports[0], called: "WRONG"), on: group.loops[0])
                Issue.record("association was accepted")
            } catch {
                #expect(error.phase == .associate)
                #expect(error.kind == .rejected(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.calledAETitleNotRecognized))))
                #expect(error.description.contains("called AE title not recognized"))
            }
            #expect(await eventually { log.events.contains { $0.contains("rejected") && $0.contains("called AE title not recognized") } })
            await acceptor.stop()
        }

        @Test("PS3.8 9.3.4 beyond the cap an association is rejected as transient, local limit exceeded")
        func cap() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            let (acceptor, ports) = try await startEchoAcceptor(group: group, maximumAssociations: 1)
            let first = try await Association.request(echoRequest(port: ports[0]), on: group.loops[0])
            do {
                _ = try await Association.request(echoRequest(port: ports[0]), on: group.loops[0])
                Issue.record("second association was accepted")
            } catch {
                #expect(error.kind == .rejected(AssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation(.localLimitExceeded))))
            }
            try await first.release()
            #expect(await eventually { acceptor.activeAssociations == 0 })
            #expect(try await echoOnce(port: ports[0], on: group.loops[0]) == .success)
            await acceptor.stop()
        }

        @Test("Connecting to a closed port fails in the connect phase, refused")
        func refused() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            do {
                _ = try await Association.request(echoRequest(port: FreePort.next()), on: group.loops[0])
                Issue.record("connected")
            } catch {
                #expect(error.phase == .connect)
                #expect(error.kind == .transport(.connectionRefused))
                #expect(error.description.hasPrefix("connect with 127.0.0.1:"))
            }
        }

        @Test("A peer that accepts TCP but never answers times out in the associate phase")
        func silentPeer() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0])
            let clock = ContinuousClock()
            let start = clock.now
            do {
                _ = try await Association.request(
                    echoRequest(port: server.port, timeouts: .uniform(.milliseconds(300))), on: group.loops[1])
                Issue.record("associated with a silent peer")
            } catch {
                #expect(error.phase == .associate)
                #expect(error.kind == .timedOut)
            }
            #expect(clock.now - start < .seconds(5))  // ended by the 300 ms timeout, not a hang (loaded machine: order of magnitude only)
            try await server.stop()
        }

        @Test("PS3.8 9.3.8 garbage after association aborts that association only, with 'unrecognized PDU'")
        func garbageAbortsOnlyItsAssociation() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            // ARTIM 2 s: long enough for the RQ to arrive under a sanitizer, short enough to wait for.
            let (acceptor, ports) = try await startEchoAcceptor(group: group, timeouts: .uniform(.seconds(2)))
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: ports[0], on: group.loops[1])
            try await group.loops[1].submit {
                client.write(PDU.associateRQ(echoRequest(port: ports[0]).associateRQ).encoded())
            }
            #expect(await eventually { delegate.received.first == 0x02 })  // A-ASSOCIATE-AC: now in Sta6
            try await group.loops[1].submit { client.write([0x09, 0, 0, 0, 0, 2, 0, 0]) }
            // An A-ABORT from the provider with reason 1, then the close when ARTIM expires.
            #expect(await eventually { delegate.inputEnded })
            let abort = PDU.abort(AAbort(source: .serviceProvider, reason: .unrecognizedPDU)).encoded()
            #expect(delegate.received.suffix(abort.count).elementsEqual(abort))
            #expect(try await echoOnce(port: ports[0], on: group.loops[1]) == .success)
            await acceptor.stop()
        }

        @Test("A DIMSE response that never comes times out in the DIMSE phase; the SCP is aborted")
        func dimseTimeout() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            let log = EventLog()
            let (acceptor, port) = try await startAcceptor(group: group, handler: MisbehavingHandler(abortsInstead: false), log: log)
            let association = try await Association.request(
                echoRequest(port: port, timeouts: .uniform(.milliseconds(200))), on: group.loops[0])
            do {
                _ = try await association.send(
                    CEchoRQ(messageID: 1, affectedSOPClassUID: EchoHandler.verification), abstractSyntax: EchoHandler.verification)
                Issue.record("a response arrived")
            } catch {
                #expect(error.phase == .dimse)
                #expect(error.kind == .timedOut)
            }
            // Our A-ABORT reaches the acceptor, which reports the association aborted.
            #expect(await eventually { log.events.contains { $0.contains("failed") && $0.contains("aborted by the service user") } }, "\(log.events)")
            await association.closed()
            await acceptor.stop()
        }

        @Test("PS3.8 9.3.8 an acceptor's A-ABORT reaches the requestor as aborted in the DIMSE phase")
        func peerAbort() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            let (acceptor, port) = try await startAcceptor(group: group, handler: MisbehavingHandler(abortsInstead: true))
            let association = try await Association.request(echoRequest(port: port), on: group.loops[0])
            do {
                _ = try await association.send(
                    CEchoRQ(messageID: 1, affectedSOPClassUID: EchoHandler.verification), abstractSyntax: EchoHandler.verification)
                Issue.record("a response arrived")
            } catch {
                #expect(error.phase == .dimse)
                #expect(error.kind == .aborted(AAbort(source: .serviceUser)))
            }
            await association.closed()
            #expect(await eventually { acceptor.activeAssociations == 0 })
            await acceptor.stop()
        }

        @Test("PS3.8 9.3.4 a calling AE title outside the allow-list is rejected 1/1/3")
        func callingAllowList() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            let (acceptor, port) = try await startAcceptor(
                group: group, handler: EchoHandler(),
                policy: AcceptancePolicy(aeTitles: [AETitle("SCP")], allowedCallers: [AllowedCaller(aeTitle: AETitle("FRIEND"))]))
            do {
                _ = try await Association.request(echoRequest(port: port), on: group.loops[0])
                Issue.record("accepted a stranger")
            } catch {
                #expect(error.kind == .rejected(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.callingAETitleNotRecognized))))
            }
            await acceptor.stop()
        }

        @Test("An established association that goes quiet is aborted by the acceptor's idle timeout")
        func idleTimeout() async throws {
            let group = EventLoopGroup(loopCount: 1)
            defer { group.shutdown() }
            var timeouts = AssociationTimeouts.uniform(.seconds(5))
            timeouts.idle = .milliseconds(200)
            let (acceptor, port) = try await startAcceptor(group: group, handler: EchoHandler(), timeouts: timeouts)
            let association = try await Association.request(echoRequest(port: port), on: group.loops[0])
            await association.closed()
            #expect(await association.failure?.kind == .aborted(AAbort(source: .serviceUser)))
            #expect(await eventually { acceptor.activeAssociations == 0 })
            await acceptor.stop()
        }

        @Test("Peer host text: IPv4, bracketed IPv6, IPv4-mapped IPv6")
        func peerHost() {
            #expect(AcceptancePolicy.host(ofPeer: "127.0.0.1:104") == "127.0.0.1")
            #expect(AcceptancePolicy.host(ofPeer: "[::1]:104") == "::1")
            #expect(AcceptancePolicy.host(ofPeer: "[::ffff:10.0.0.1]:5000") == "10.0.0.1")
        }

        @Test("1,000 associations opened, echoed and released leave no descriptors or association objects behind")
        func thousandAssociations() async throws {
            let before = await descriptorBaseline()
            let group = EventLoopGroup(loopCount: 2)
            let (acceptor, ports) = try await startEchoAcceptor(group: group)
            var released: [Weak] = []
            for _ in 0..<1000 {
                let association = try await Association.request(echoRequest(port: ports[0]), on: group.loops[1])
                let status = await association.run { association -> DIMSEStatus? in
                    let rsp = try? await association.send(
                        CEchoRQ(messageID: 1, affectedSOPClassUID: EchoHandler.verification),
                        abstractSyntax: EchoHandler.verification)
                    try? await association.release()
                    if case .cEchoRSP(let rsp)? = rsp { return rsp.status }
                    return nil
                }
                #expect(status == .success)
                await association.closed()
                released.append(Weak(association))
            }
            #expect(await eventually { acceptor.activeAssociations == 0 })
            // Nothing (channel, timer, continuation) keeps a finished association alive.
            #expect(await eventually { released.allSatisfy { $0.value == nil } })
            #expect(socketDescriptors(onPort: ports[0]).count == group.loops.count)  // the listeners only
            await acceptor.stop()
            group.shutdown()
            let after = await fileDescriptors(settlingAtMost: before)
            #expect(after <= before, "descriptors before: \(before), after: \(after)")
        }
    }
}

/// A weak reference, to check that objects are freed.
final class Weak: @unchecked Sendable {
    weak var value: Association?
    init(_ value: Association) { self.value = value }
}
