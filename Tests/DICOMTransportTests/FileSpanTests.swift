import Foundation
import Testing
import TestSupport

@testable import DICOMTransport

#if os(Linux)
import Glibc

/// `TCPChannel.write(_:)` with file spans: `sendfile` from the page cache, in order with the
/// bytes written before and after, through a full socket (the poll on a duplicate descriptor),
/// a graceful close after everything, and a file that ends early failing the channel.
extension TransportTests {
    @Suite("TCP channel: file spans (sendfile)")
    struct FileSpanTests {
        /// A file of `count` bytes of a pattern no shift reproduces, open for reading.
        final class SpanFile: @unchecked Sendable {
            let bytes: [UInt8]
            let descriptor: Int32
            let directory: TemporaryDirectory

            init(count: Int) throws {
                directory = try TemporaryDirectory()
                bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 11 &+ $0 >> 10) }
                let path = directory.path + "/span.bin"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                descriptor = open(path, O_RDONLY | O_CLOEXEC)
                try #require(descriptor >= 0)
            }

            func span(_ range: Range<Int>) -> OutboundPiece {
                .file(FileSpan(descriptor: descriptor, offset: range.lowerBound, count: range.count, keeper: self))
            }

            deinit { close(descriptor) }
        }

        @Test("spans and bytes arrive in the order written, through a socket that fills (the peer reads late)")
        func orderThroughFullSocket() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            let file = try SpanFile(count: 6 << 20)
            let head: [UInt8] = Array("head".utf8), middle: [UInt8] = Array("middle".utf8)
            let after: [UInt8] = Array("after".utf8), pointer: [UInt8] = Array("pointer".utf8)
            let queued = try await loop.submit { () -> Int in
                #expect(client.sendsFileSpans)
                client.write([.bytes(head), file.span(0..<(4 << 20)), .bytes(middle), file.span((4 << 20)..<(6 << 20))])
                client.write(after)  // behind the spans, though no span is in it
                pointer.withUnsafeBytes { client.write($0) }
                return client.queuedByteCount
            }
            #expect(queued > 0)  // far more than loopback's socket buffers: the rest waits
            #expect(delegate.writability == [false])
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            let expected = head + file.bytes[..<(4 << 20)] + middle + file.bytes[(4 << 20)...] + after + pointer
            #expect(await eventually(timeout: .seconds(20)) { reader.received.count == expected.count })
            let intact = reader.received == expected
            #expect(intact)
            #expect(await eventually { delegate.writability == [false, true] })
            #expect(try await loop.submit { client.queuedByteCount } == 0)
            try await loop.submit { client.close() }
            try await server.stop()
        }

        /// A client connected to a server that does not read yet, and a weak reference to the
        /// 8 MiB file whose whole span `then` (on the client's loop) was given after `bytes`.
        func spanQueued(
            after bytes: [UInt8], on group: EventLoopGroup, then: @escaping @Sendable (TCPChannel) -> Void
        ) async throws -> (server: TestServer, client: TCPChannel, delegate: RecordingDelegate, file: () -> SpanFile?) {
            let server = try await TestServer(loop: group.loops[0], startReading: false)
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: group.loops[1])
            weak var released: SpanFile?
            try await {
                let file = try SpanFile(count: 8 << 20)
                released = file
                try await group.loops[1].submit {
                    client.write([.bytes(bytes), file.span(0..<file.bytes.count)])
                    then(client)
                }
            }()
            return (server, client, delegate, { released })
        }

        @Test("close() after spans sends them all, then the end of the stream; the file is let go")
        func closeAfterSpans() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let (server, _, delegate, released) = try await spanQueued(after: [1, 2, 3], on: group) { $0.close() }
            let reader = RecordingDelegate()
            try await group.loops[0].submit { server.accepted[0].0.start(delegate: reader) }
            #expect(await eventually(timeout: .seconds(20)) { reader.inputEnded })
            #expect(reader.received.count == 3 + (8 << 20))
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError == nil)
            #expect(released() == nil)
            try await server.stop()
        }

        @Test("a span past the end of its file fails the channel instead of sending a short PDU")
        func fileEndsEarly() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TestServer(loop: group.loops[0])
            let loop = group.loops[1]
            let (client, delegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            let file = try SpanFile(count: 1_000)
            try await loop.submit { client.write([file.span(0..<2_000)]) }
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError != nil)
            try await server.stop()
        }

        @Test("abort() with spans queued: closed at once, nothing more sent, the file let go")
        func abortWithSpansQueued() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let (server, client, delegate, released) = try await spanQueued(after: [], on: group) { _ in }
            #expect(try await group.loops[1].submit { client.queuedByteCount } > 0)
            try await group.loops[1].submit { client.abort() }
            #expect(await eventually { delegate.closed })
            #expect(released() == nil)
            try await server.stop()
        }
    }
}
#endif
