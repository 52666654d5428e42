import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Multiplexed acceptor ports")
    struct AcceptorPortTests {
        @Test("acceptors started at the same time on port 0 never share a port")
        func concurrentPortZero() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let started = try await withThrowingTaskGroup(of: (MultiplexedAcceptor, [UInt16]).self) { tasks in
                for _ in 0..<40 { tasks.addTask { try await startEchoAcceptor(group: group) } }
                var all: [(MultiplexedAcceptor, [UInt16])] = []
                for try await acceptor in tasks { all.append(acceptor) }
                return all
            }
            let ports = started.flatMap(\.1)
            #expect(ports.count == 40)
            #expect(Set(ports).count == ports.count, "a port was handed to two acceptors: \(ports.sorted())")
            for (acceptor, _) in started { await acceptor.stop() }
        }
    }
}
