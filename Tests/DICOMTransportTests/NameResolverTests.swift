import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("Name resolution")
    struct NameResolverTests {
        @Test("IP literals resolve to themselves: IPv4, IPv6 with and without brackets",
              arguments: [("127.0.0.1", "127.0.0.1:104"), ("::1", "[::1]:104"), ("[::1]", "[::1]:104")])
        func literals(host: String, expected: String) async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let addresses = try await NameResolver.resolve(host: host, port: 104, on: loop)
            #expect(addresses.map(\.description) == [expected])
        }

        @Test("localhost resolves through getaddrinfo to a loopback address")
        func localhost() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let addresses = try await NameResolver.resolve(host: "localhost", port: 11112, on: loop)
            #expect(!addresses.isEmpty)
            #expect(addresses.allSatisfy { ["127.0.0.1", "::1"].contains($0.host) && $0.port == 11112 })
        }

        @Test("An unresolvable name fails with nameNotResolved, naming the host")
        func badName() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            // A 64-character label is invalid DNS (max 63), so the resolver rejects the name
            // without sending a query off this machine.
            let host = String(repeating: "a", count: 64) + ".invalid"
            let error = await #expect(throws: TransportError.self) {
                try await NameResolver.resolve(host: host, port: 104, on: loop)
            }
            #expect(error?.kind == .nameNotResolved)
            #expect(error?.phase == .resolve)
            #expect(error?.description.contains(host) == true)
        }
    }
}
