import Testing
@testable import DICOMTransport

extension TransportTests {
    @Suite("TLS engine in memory (PS3.15 B.1)")
    struct TLSEngineTests {
        /// Shuttles output between the engines until neither has anything to say; returns the
        /// first error each side threw.
        @discardableResult
        static func handshake(client: TLSEngine, server: TLSEngine) -> (client: TransportError?, server: TransportError?) {
            var clientError: TransportError?
            var serverError: TransportError?
            do { try client.startHandshake() } catch { clientError = error }
            for _ in 0..<10 {
                let toServer = client.takeOutput()
                if !toServer.isEmpty, serverError == nil {
                    do { _ = try server.receive(toServer) } catch { serverError = error }
                }
                let toClient = server.takeOutput()
                if !toClient.isEmpty, clientError == nil {
                    do { _ = try client.receive(toClient) } catch { clientError = error }
                }
                if toServer.isEmpty && toClient.isEmpty { break }
            }
            return (clientError, serverError)
        }

        static func contexts(client: TLSConfiguration) throws -> (TLSContext, TLSContext) {
            let certificates = try TLSTestCertificates.shared.get()
            let server = try TLSContext(.server(certificateChainFile: certificates.serverCertificate,
                                                privateKeyFile: certificates.serverKey))
            return (try TLSContext(client), server)
        }

        @Test("Client and server engines complete a TLS 1.3 handshake and exchange data without sockets")
        func handshakeAndData() throws {
            let certificates = try TLSTestCertificates.shared.get()
            let (clientContext, serverContext) = try Self.contexts(client: .client(trustRoots: .file(certificates.caCertificate)))
            let client = try TLSEngine(context: clientContext, role: .client(serverName: "localhost"))
            let server = try TLSEngine(context: serverContext, role: .server)
            let errors = Self.handshake(client: client, server: server)
            #expect(errors.client == nil && errors.server == nil)
            #expect(client.isHandshakeComplete && server.isHandshakeComplete)
            #expect(client.protocolVersion == "TLSv1.3")

            let request: [UInt8] = Array("P-DATA-TF".utf8)
            try client.send(request)
            let ciphertext = client.takeOutput()
            #expect(!ciphertext.isEmpty && ciphertext != request)
            let received = try server.receive(ciphertext)
            #expect(received.plaintext == request)

            server.shutdown()
            let closing = try client.receive(server.takeOutput())
            #expect(closing.peerClosed)
        }

        @Test("A 256 KiB message crosses in 16 KiB records, fed back in 1,500-byte pieces, and arrives intact")
        func largeMessage() throws {
            let certificates = try TLSTestCertificates.shared.get()
            let (clientContext, serverContext) = try Self.contexts(client: .client(trustRoots: .file(certificates.caCertificate)))
            let client = try TLSEngine(context: clientContext, role: .client(serverName: "localhost"))
            let server = try TLSEngine(context: serverContext, role: .server)
            Self.handshake(client: client, server: server)
            let message = (0..<(256 << 10)).map { UInt8(truncatingIfNeeded: $0 / 7) }
            try client.send(message)
            let ciphertext = client.takeOutput()
            #expect(ciphertext.count > message.count)  // record overhead
            var received: [UInt8] = []
            var offset = 0
            while offset < ciphertext.count {  // arrives in arbitrary TCP-sized pieces
                let end = min(offset + 1500, ciphertext.count)
                received += try server.receive(Array(ciphertext[offset..<end])).plaintext
                offset = end
            }
            #expect(received == message)
        }

        @Test("TLS 1.2 is the minimum (BCP 195): a client limited to 1.2 still connects, with a forward-secret AEAD suite")
        func tls12() throws {
            let certificates = try TLSTestCertificates.shared.get()
            var configuration = TLSConfiguration.client(trustRoots: .file(certificates.caCertificate))
            configuration.maximumVersion = .tls1_2
            let (clientContext, serverContext) = try Self.contexts(client: configuration)
            let client = try TLSEngine(context: clientContext, role: .client(serverName: "127.0.0.1"))
            let server = try TLSEngine(context: serverContext, role: .server)
            let errors = Self.handshake(client: client, server: server)
            #expect(errors.client == nil && errors.server == nil)
            #expect(client.protocolVersion == "TLSv1.2")
            #expect(client.cipherSuite.hasPrefix("ECDHE-"))
            #expect(client.cipherSuite.contains("GCM") || client.cipherSuite.contains("CHACHA20"))
        }

        @Test("An untrusted server certificate fails the handshake, and the server receives our alert")
        func unknownCA() throws {
            let certificates = try TLSTestCertificates.shared.get()
            let (clientContext, serverContext) = try Self.contexts(client: .client(trustRoots: .file(certificates.otherCertificate)))
            let client = try TLSEngine(context: clientContext, role: .client(serverName: "localhost"))
            let server = try TLSEngine(context: serverContext, role: .server)
            let errors = Self.handshake(client: client, server: server)
            #expect(errors.client?.kind == .certificateNotTrusted)
            #expect(errors.client?.detail.contains("certificate verify failed") == true)
            #expect(errors.server?.kind == .tlsAlertReceived)
            #expect(errors.server?.detail.contains("unknown ca") == true)
        }

        @Test("Unreadable certificate files are configuration errors naming the file")
        func badConfiguration() {
            let error = #expect(throws: TransportError.self) {
                _ = try TLSContext(.server(certificateChainFile: "/nonexistent/server.pem", privateKeyFile: "/nonexistent/server.key"))
            }
            #expect(error?.kind == .tlsConfiguration)
            #expect(error?.detail.contains("/nonexistent/server.pem") == true)
        }
    }
}
