import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Connection churn")
    struct ConnectionChurnTests {
        @Test("1,000 connections opened and closed leak no file descriptors")
        func thousandConnections() async throws {
            let before = await descriptorBaseline()
            let group = EventLoopGroup(loopCount: 2)
            let server = try await TestServer(loop: group.loops[0])
            let port = server.port
            let loop = group.loops[1]
            for i in 0..<1000 {
                let (client, delegate) = try await connectClient(host: "127.0.0.1", port: port, on: loop)
                // Every tenth connection exchanges a byte; the rest close at once.
                if i % 10 == 0 {
                    try await loop.submit { client.write([0x01]) }
                    #expect(await eventually { server.accepted.count == i + 1 && server.accepted[i].1.received == [0x01] })
                }
                try await loop.submit { client.close() }
                #expect(await eventually { delegate.closed })
            }
            #expect(await eventually { server.accepted.count == 1000 && server.accepted.allSatisfy { $0.1.inputEnded } })
            try await server.stop()
            #expect(await eventually { server.accepted.allSatisfy { $0.1.closed } })
            #expect(socketDescriptors(onPort: port).isEmpty)
            group.shutdown()
            let after = await fileDescriptors(settlingAtMost: before)
            #expect(after <= before, "descriptors before: \(before), after: \(after)")
        }
    }
}
