import Testing
@testable import DICOMTransport

/// The shape of the association actor: bound to the loop of its channel, receiving channel
/// callbacks synchronously through `enterFromLoop`, and counting what it saw.
private actor EchoResponder: LoopBoundActor, ChannelDelegate {
    nonisolated let eventLoop: EventLoop
    private var received: [UInt8] = []
    private var closedWith: TransportError??

    init(eventLoop: EventLoop) { self.eventLoop = eventLoop }

    var state: ([UInt8], Bool) { (received, closedWith != nil) }

    private func handle(_ bytes: [UInt8], from channel: any Channel) {
        received += bytes
        channel.write(bytes.map { $0 &+ 1 })
    }

    nonisolated func channel(_ channel: any Channel, didRead bytes: UnsafeRawBufferPointer) {
        let copy = Array(bytes)
        enterFromLoop { $0.handle(copy, from: channel) }
    }

    nonisolated func channelWritabilityChanged(_ channel: any Channel) {}

    nonisolated func channelInputEnded(_ channel: any Channel) {
        channel.close()
    }

    nonisolated func channel(_ channel: any Channel, didCloseWith error: TransportError?) {
        enterFromLoop { $0.closedWith = .some(error) }
    }
}

extension TransportTests {
    @Suite("Loop-bound actors as channel delegates")
    struct LoopBoundDelegateTests {
        @Test("An actor on the channel's loop handles reads synchronously and answers on the same turn")
        func actorDelegate() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let serverLoop = group.loops[0]
            let responder = EchoResponder(eventLoop: serverLoop)
            let listener = try await serverLoop.submit {
                try TCPListener(host: "127.0.0.1", port: 0, on: serverLoop) { result in
                    if case .success(let channel) = result { channel.start(delegate: responder) }
                }
            }
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: listener.port, on: loop)
            try await loop.submit { client.write([1, 2, 3]) }
            #expect(await eventually { delegate.received == [2, 3, 4] })
            try await loop.submit { client.shutdownOutput() }
            #expect(await eventually { delegate.inputEnded })
            let (received, closed) = await responder.state
            #expect(received == [1, 2, 3])
            #expect(closed)
            try await loop.submit { client.close() }
            try await serverLoop.submit { listener.close() }
        }

        @Test("Work submitted to a loop that has shut down fails with cancelled instead of hanging")
        func submitAfterShutdown() async throws {
            let loop = EventLoop()
            loop.shutdown()
            #expect(!loop.execute {})
            let error = await #expect(throws: TransportError.self) {
                _ = try await TCPChannel.connect(host: "127.0.0.1", port: 1, on: loop, timeout: .seconds(1))
            }
            #expect(error?.kind == .cancelled)
        }
    }
}
