import Testing
import TestSupport
@testable import DICOMTransport

extension TransportTests {
    @Suite("TCP channels and listeners")
    struct TCPChannelTests {
        @Test("Client and listener exchange bytes both ways over loopback, then half-close and close",
              arguments: ["127.0.0.1", "::1"])
        func exchange(host: String) async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0], host: host) { channel, bytes in
                channel.write(bytes.reversed())
            }
            #expect(server.port != 0)
            #expect(server.listener.localAddress.isIPv6 == (host == "::1"))
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: host, port: server.port, on: loop)
            #expect(client.peer == SocketAddress(ipLiteral: host, port: server.port)!.description)
            let message: [UInt8] = Array("A-ASSOCIATE-RQ".utf8)
            try await loop.submit { client.write(message) }
            #expect(await eventually { delegate.received.count == message.count })
            #expect(delegate.received == message.reversed())
            #expect(server.accepted.first?.1.received == message)

            try await loop.submit { client.shutdownOutput() }
            #expect(await eventually { server.accepted.first?.1.inputEnded == true })
            try await server.stop()
            #expect(await eventually { delegate.inputEnded })
            try await loop.submit { client.close() }
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError == nil)
            #expect(server.accepted.first?.1.closeError == nil)
        }

        @Test("close() sends everything queued before closing (an A-ABORT PDU is never lost)")
        func closeFlushes() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            // The peer reads only after close(), so most of the payload is still queued then.
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            let payload = [UInt8](repeating: 0xAB, count: 4 << 20) + [0x07, 0x00]  // ends like an A-ABORT
            let queuedAtClose = try await loop.submit {
                client.write(payload)
                let queued = client.queuedByteCount
                client.close()
                return queued
            }
            #expect(queuedAtClose > 0)
            #expect(await eventually { server.accepted.count == 1 })
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            #expect(await eventually { reader.inputEnded })
            #expect(reader.received.count == payload.count)
            #expect(reader.received.suffix(2) == [0x07, 0x00])
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError == nil)
            try await server.stop()
        }

        @Test("Each address is tried in turn: a refused first address falls through to the next")
        func addressesInTurn() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0])
            let refused = SocketAddress(ipLiteral: "::1", port: FreePort.next())!
            let listening = SocketAddress(ipLiteral: "127.0.0.1", port: server.port)!
            let channel = try await TCPChannel.connect(to: [refused, listening], on: group.loops[1], timeout: .seconds(5))
            #expect(channel.peer == listening.description)
            #expect(channel.timings.resolve == nil && channel.timings.connect != nil)
            try await group.loops[1].submit { channel.close() }

            let other = SocketAddress(ipLiteral: "127.0.0.1", port: FreePort.next())!
            let error = await #expect(throws: TransportError.self) {
                _ = try await TCPChannel.connect(to: [refused, other], on: group.loops[1], timeout: .seconds(5))
            }
            #expect(error?.kind == .connectionRefused)
            #expect(error?.peer == other.description)
            try await server.stop()
        }

        @Test("A connection by name records resolve and connect times")
        func timings() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0])
            let channel = try await TCPChannel.connect(host: "localhost", port: server.port, on: group.loops[1], timeout: .seconds(5))
            #expect(channel.timings.resolve != nil)
            #expect(channel.timings.connect != nil)
            #expect(channel.timings.tlsHandshake == nil)
            try await group.loops[1].submit { channel.close() }
            try await server.stop()
        }

        @Test("Shutting a loop down closes its open channels, whose delegates hear cancelled")
        func shutdownClosesChannels() async throws {
            let serverLoop = EventLoop()
            defer { serverLoop.shutdown() }
            let server = try await TestServer(loop: serverLoop)
            let loop = EventLoop()
            let (_, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            loop.shutdown()
            #expect(delegate.closed)
            #expect(delegate.closeError?.kind == .cancelled)
            #expect(await eventually { server.accepted.first?.1.inputEnded == true })
            try await server.stop()
        }

        @Test("Writing to a peer that has gone closes the channel with a write error, not SIGPIPE")
        func peerGone() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0])
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            #expect(await eventually { server.accepted.count == 1 })
            try await server.stop()
            #expect(await eventually { delegate.inputEnded })
            // The first write draws a reset from the peer's closed socket, a later one EPIPE.
            for _ in 0..<50 where !delegate.closed {
                try await loop.submit { client.write([UInt8](repeating: 0, count: 1024)) }
                try await Task.sleep(for: .milliseconds(2))
            }
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError?.phase == .write || delegate.closeError?.phase == .read)
            #expect(delegate.closeError?.kind == .connectionReset)
        }

        @Test("Listening on a port in use or on a non-address fails with a typed listen error")
        func listenErrors() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let errors = try await loop.submit { () -> [TransportError] in
                let first = try TCPListener(host: "127.0.0.1", port: 0, on: loop) { _ in }
                defer { first.close() }
                var errors: [TransportError] = []
                for host in ["127.0.0.1", "pacs.example.org"] {
                    do throws(TransportError) {
                        _ = try TCPListener(host: host, port: first.port, on: loop) { _ in }
                    } catch { errors.append(error) }
                }
                return errors
            }
            #expect(errors.map(\.kind) == [.addressInUse, .invalidAddress])
            #expect(errors.allSatisfy { $0.phase == .listen })
        }

        @Test("Connecting to a port nobody listens on fails with connectionRefused")
        func refused() async throws {
            let loop = EventLoop()
            defer { loop.shutdown() }
            let port = FreePort.next()
            let error = await #expect(throws: TransportError.self) {
                _ = try await TCPChannel.connect(host: "127.0.0.1", port: port, on: loop, timeout: .seconds(5))
            }
            #expect(error?.kind == .connectionRefused)
            #expect(error?.phase == .connect)
            #expect(error?.description == "connect 127.0.0.1:\(port) failed: connection refused")
        }

        @Test("A connection that gets no answer fails with timedOut after the connect timeout")
        func connectTimeout() async throws {
            // A listener whose accept queue is full drops new SYNs (Linux), so a connect to it
            // gets no answer; all of it on loopback.
            let listener = try FullBacklogListener()
            defer { listener.close() }
            let loop = EventLoop()
            defer { loop.shutdown() }
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: TransportError.self) {
                _ = try await TCPChannel.connect(host: "127.0.0.1", port: listener.port, on: loop,
                                                 timeout: .milliseconds(200))
            }
            let elapsed = clock.now - start
            #expect(error?.kind == .timedOut)
            #expect(error?.phase == .connect)
            #expect(elapsed >= .milliseconds(199) && elapsed < .seconds(3))
        }

        @Test("A peer that does not read: writability drops at the high-water mark, returns when drained")
        func backpressure() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            let chunk = [UInt8](repeating: 0x55, count: 64 << 10)
            // A producer that obeys isWritable, as the association will.
            let (written, peakQueue) = try await loop.submit { () -> (Int, Int) in
                var written = 0
                var peak = 0
                while client.isWritable, written < 256 << 20 {
                    client.write(chunk)
                    written += chunk.count
                    peak = max(peak, client.queuedByteCount)
                }
                return (written, peak)
            }
            #expect(delegate.writability == [false])
            #expect(written < 256 << 20)
            #expect(peakQueue <= client.highWaterMark + chunk.count)
            // The peer starts reading: the queue drains and the producer is told to resume.
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            #expect(await eventually(timeout: .seconds(10)) { delegate.writability == [false, true] })
            #expect(await eventually(timeout: .seconds(10)) { reader.received.count == written })
            try await loop.submit { client.close() }
            try await server.stop()
        }

        @Test("An array's bytes the kernel did not take are sent from the array, kept by the channel: intact after the writer mutated its copy")
        func queuedArrayIsKept() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let loop = group.loops[1]
            let (client, _) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            // 8 MiB of a pattern no shift reproduces, far more than loopback's socket buffers.
            let count = 8 << 20
            let pattern = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
            let queued = try await loop.submit { () -> Int in
                var bytes = pattern
                bytes.withUnsafeMutableBufferPointer { _ in }  // storage of its own, not shared with `pattern`
                client.write(bytes)
                // The writer goes on using its array: only because the channel holds a reference
                // does copy-on-write leave the queued bytes alone.
                bytes.withUnsafeMutableBufferPointer { $0.update(repeating: 0xEE) }
                bytes = []
                return client.queuedByteCount
            }
            #expect(queued > 0)  // some of it really was queued
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            #expect(await eventually(timeout: .seconds(20)) { reader.received.count == count })
            let intact = reader.received == pattern  // (a failure message of 8 MiB arrays would take minutes to render)
            #expect(intact)
            try await loop.submit { client.close() }
            try await server.stop()
        }

        @Test("One write larger than the high-water mark: not writable at once, writable again once the peer drained it")
        func writeLargerThanHighWaterMark() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            // Far more than loopback's socket buffers take, so most of it stays queued.
            let big = [UInt8](repeating: 0x33, count: 16 * client.highWaterMark)
            let writableAfterWrite = try await loop.submit { () -> Bool in
                client.write(big)
                return client.isWritable
            }
            #expect(!writableAfterWrite)
            #expect(delegate.writability == [false])
            // A second write while not writable changes nothing until everything drained.
            try await loop.submit { client.write(big) }
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            #expect(await eventually(timeout: .seconds(20)) { reader.received.count == 2 * big.count })
            #expect(await eventually(timeout: .seconds(5)) { delegate.writability == [false, true] })
            #expect(try await loop.submit { client.isWritable && client.queuedByteCount == 0 })
            try await loop.submit { client.close() }
            try await server.stop()
        }
    }
}
