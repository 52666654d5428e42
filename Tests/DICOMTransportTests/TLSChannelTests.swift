import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("TLS channels over loopback (PS3.15 B.1)")
    struct TLSChannelTests {
        static func serverConfiguration(requireClientCertificate: Bool = false) throws -> TLSConfiguration {
            let certificates = try TLSTestCertificates.shared.get()
            var configuration = TLSConfiguration.server(certificateChainFile: certificates.serverCertificate,
                                                        privateKeyFile: certificates.serverKey)
            configuration.trustRoots = .file(certificates.caCertificate)
            configuration.requireClientCertificate = requireClientCertificate
            return configuration
        }

        /// Connects a TLS client; on success starts it with a RecordingDelegate.
        static func connect(
            port: UInt16, host: String = "127.0.0.1", on loop: EventLoop, _ configuration: TLSConfiguration,
            serverName: String? = nil
        ) async throws -> Result<(TLSChannel, RecordingDelegate), TransportError> {
            let context = try TLSContext(configuration)
            do {
                let channel = try await TLSChannel.connect(host: host, port: port, on: loop, timeout: .seconds(5),
                                                           context: context, serverName: serverName)
                let delegate = RecordingDelegate()
                try await loop.submit { channel.start(delegate: delegate) }
                return .success((channel, delegate))
            } catch let error as TransportError {
                return .failure(error)
            }
        }

        @Test("Verified TLS to a CA-signed server: by name, IPv4 and IPv6 address; bytes both ways",
              arguments: ["localhost", "127.0.0.1", "::1"])
        func verified(host: String) async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let listenHost = host == "::1" ? "::1" : "127.0.0.1"
            let server = try await TLSTestServer(loop: group.loops[0], host: listenHost,
                                                 configuration: Self.serverConfiguration())
            let loop = group.loops[1]
            let (client, delegate) = try await Self.connect(
                port: server.port, host: host, on: loop, .client(trustRoots: .file(certificates.caCertificate))).get()
            #expect(client.engine.protocolVersion == "TLSv1.3")
            #expect(client.timings.connect != nil && client.timings.tlsHandshake != nil)
            let message: [UInt8] = Array("A-ASSOCIATE-RQ over TLS".utf8)
            try await loop.submit { client.write(message) }
            #expect(await eventually { delegate.received == message.reversed() })
            try await loop.submit { client.close() }
            #expect(await eventually { delegate.closed })
            #expect(delegate.closeError == nil)
            guard case .success(let serverSide) = server.results.first else {
                Issue.record("server handshake: \(server.results)")
                return
            }
            #expect(serverSide.received == message)
            #expect(await eventually { serverSide.inputEnded })
            try await server.stop()
        }

        @Test("Data and close_notify that arrive before start(delegate:) are handed over by start")
        func bufferedBeforeStart() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let serverLoop = group.loops[0]
            let context = try TLSContext(Self.serverConfiguration())
            let accepted = Collected<TLSChannel>()
            let listener = try await serverLoop.submit {
                try TCPListener(host: "127.0.0.1", port: 0, on: serverLoop) { result in
                    guard case .success(let tcp) = result else { return }
                    TLSChannel.accept(tcp, context: context, timeout: .seconds(5)) { result in
                        if case .success(let channel) = result { accepted.append(channel) }
                    }
                }
            }
            let loop = group.loops[1]
            let (client, _) = try await Self.connect(port: listener.port, on: loop,
                                                     .client(trustRoots: .file(certificates.caCertificate))).get()
            try await loop.submit {
                client.write([0x04, 0x00])
                client.close()
            }
            #expect(await eventually { accepted.values.count == 1 })
            try await Task.sleep(for: .milliseconds(50))  // let the data and close_notify arrive
            let delegate = RecordingDelegate()
            try await serverLoop.submit {
                accepted.values[0].start(delegate: delegate)
                accepted.values[0].close()
                listener.close()
            }
            // Normally handed over inside start; a loaded machine may deliver some later.
            #expect(await eventually { delegate.received == [0x04, 0x00] && delegate.inputEnded })
            #expect(await eventually { delegate.closed })
        }

        @Test("A server certificate from an unknown CA is refused with a verify error; the server hears unknown ca")
        func unknownCA() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TLSTestServer(loop: group.loops[0], configuration: Self.serverConfiguration())
            let result = try await Self.connect(port: server.port, on: group.loops[1],
                                                .client(trustRoots: .file(certificates.otherCertificate)))
            guard case .failure(let error) = result else { Issue.record("connected with the wrong CA"); return }
            #expect(error.kind == .certificateNotTrusted)
            #expect(error.phase == .tlsHandshake)
            #expect(error.description.contains("certificate verify failed"))
            #expect(await eventually { server.errors.first?.kind == .tlsAlertReceived })
            #expect(server.errors.first?.detail.contains("unknown ca") == true)
            try await server.stop()
        }

        @Test("An expired server certificate is refused with OpenSSL's reason")
        func expired() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            try await ContinuousClock().sleep(until: certificates.expiredAt)
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            var configuration = try Self.serverConfiguration()
            configuration.certificateChainFile = certificates.expiredCertificate
            configuration.privateKeyFile = certificates.expiredKey
            let server = try await TLSTestServer(loop: group.loops[0], configuration: configuration)
            let result = try await Self.connect(port: server.port, on: group.loops[1],
                                                .client(trustRoots: .file(certificates.caCertificate)))
            guard case .failure(let error) = result else { Issue.record("accepted an expired certificate"); return }
            #expect(error.kind == .certificateNotTrusted)
            #expect(error.detail == "certificate verify failed: certificate has expired")
            try await server.stop()
        }

        @Test("With verification off, the same untrusted certificate is accepted")
        func verifyOff() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TLSTestServer(loop: group.loops[0], configuration: Self.serverConfiguration())
            let result = try await Self.connect(port: server.port, on: group.loops[1],
                                                .client(trustRoots: .file(certificates.otherCertificate), verifyPeer: false))
            let (client, _) = try result.get()
            try await group.loops[1].submit { client.close() }
            try await server.stop()
        }

        @Test("A certificate for another host name fails with hostnameMismatch")
        func hostnameMismatch() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TLSTestServer(loop: group.loops[0], configuration: Self.serverConfiguration())
            let result = try await Self.connect(port: server.port, on: group.loops[1],
                                                .client(trustRoots: .file(certificates.caCertificate)),
                                                serverName: "pacs.example.org")
            guard case .failure(let error) = result else { Issue.record("connected despite the name"); return }
            #expect(error.kind == .hostnameMismatch)
            #expect(error.detail.contains("hostname mismatch"))
            try await server.stop()
        }

        @Test("Mutual TLS: a client certificate from the CA is accepted, a client without one is refused")
        func mutualTLS() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TLSTestServer(loop: group.loops[0],
                                                 configuration: Self.serverConfiguration(requireClientCertificate: true))
            let loop = group.loops[1]
            var withCertificate = TLSConfiguration.client(trustRoots: .file(certificates.caCertificate))
            withCertificate.certificateChainFile = certificates.clientCertificate
            withCertificate.privateKeyFile = certificates.clientKey
            let (client, delegate) = try await Self.connect(port: server.port, on: loop, withCertificate).get()
            try await loop.submit { client.write([0x05, 0x06]) }
            #expect(await eventually { delegate.received == [0x06, 0x05] })
            try await loop.submit { client.close() }

            // In TLS 1.3 the client finishes its handshake before the server checks its
            // certificate, so the refusal reaches it as an alert on the open channel.
            let refused = try await Self.connect(port: server.port, on: loop,
                                                 .client(trustRoots: .file(certificates.caCertificate)))
            let clientError: TransportError?
            switch refused {
            case .failure(let error): clientError = error
            case .success(let (_, delegate)):
                #expect(await eventually { delegate.closed })
                clientError = delegate.closeError
            }
            #expect(clientError?.kind == .tlsAlertReceived)
            #expect(clientError?.detail.contains("certificate required") == true)
            #expect(await eventually { server.errors.count == 1 })
            #expect(server.errors.first?.detail.contains("peer did not return a certificate") == true)
            try await server.stop()
        }

        @Test("A TLS client on a plain DICOM port fails with a clear protocol error")
        func tlsClientOnPlainPort() async throws {
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            // A plain peer answers anything with an A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4).
            let rejection: [UInt8] = [0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x01]
            let server = try await TestServer(loop: group.loops[0]) { channel, _ in
                channel.write(rejection)
                channel.close()
            }
            let result = try await Self.connect(port: server.port, on: group.loops[1], .client(verifyPeer: false))
            guard case .failure(let error) = result else { Issue.record("TLS over a plain port"); return }
            #expect(error.kind == .tlsProtocol)
            #expect(error.phase == .tlsHandshake)
            #expect(error.detail.contains("is this a plain DICOM port?") || error.detail.contains("is this a TLS port?"))
            try await server.stop()
        }

        @Test("A plain client on a TLS port is refused; a silent one times out without delaying others")
        func plainClientAndSlowHandshake() async throws {
            let certificates = try TLSTestCertificates.shared.get()
            let group = EventLoopGroup(loopCount: 2)
            defer { group.shutdown() }
            let server = try await TLSTestServer(loop: group.loops[0], configuration: Self.serverConfiguration(),
                                                 handshakeTimeout: .seconds(2))
            let loop = group.loops[1]
            // A silent client holds a handshake open on the server's loop.
            let (silent, silentDelegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            // Meanwhile a TLS client completes at once.
            let clock = ContinuousClock()
            let start = clock.now
            let (client, _) = try await Self.connect(port: server.port, on: loop,
                                                     .client(trustRoots: .file(certificates.caCertificate))).get()
            // Well before the silent client's 2 s handshake timeout: it did not wait behind it.
            #expect(clock.now - start < .seconds(2))
            #expect(await eventually { silentDelegate.inputEnded })
            #expect(server.errors.first?.kind == .timedOut)
            #expect(server.errors.first?.phase == .tlsHandshake)
            // A plain DICOM client sends an A-ASSOCIATE-RQ header where a ClientHello belongs.
            let (plain, plainDelegate) = try await connectClient(host: "127.0.0.1", port: server.port, on: loop)
            try await loop.submit { plain.write([0x01, 0x00, 0x00, 0x00, 0x00, 0xCD, 0x00, 0x01]) }
            #expect(await eventually { plainDelegate.inputEnded })
            #expect(await eventually { server.errors.count == 2 })
            #expect(server.errors.last?.kind == .tlsProtocol)
            #expect(server.errors.last?.detail.contains("a plain DICOM client on a TLS port?") == true)
            try await loop.submit {
                client.close()
                silent.close()
                plain.close()
            }
            try await server.stop()
        }
    }
}
