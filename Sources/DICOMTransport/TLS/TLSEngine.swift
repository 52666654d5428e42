import COpenSSL
import CPACSLinkShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TLS without a socket: OpenSSL over two memory BIOs. Ciphertext from the peer goes in with
/// `receive`, plaintext to send goes in with `send`; what must go to the peer accumulates and
/// is taken with `takeOutput()` after every call — also after one that threw, so a peer whose
/// handshake failed still gets our alert. Not thread-safe: one connection, one loop.
public final class TLSEngine {
    public enum Role: Sendable, Equatable {
        /// `serverName` is sent as SNI (unless it is an IP address) and, when the context
        /// verifies peers, checked against the server's certificate.
        case client(serverName: String?)
        case server
    }

    /// What one `receive` produced.
    public struct Received {
        /// Decrypted application data, in order.
        public var plaintext: [UInt8] = []
        /// True on the call that completed the handshake.
        public var handshakeCompleted = false
        /// True when the peer sent close_notify: no more data will come.
        public var peerClosed = false
    }

    public let role: Role
    /// Internal so `TLSPeerCertificate` can read the peer's certificate.
    let ssl: OpaquePointer
    /// Ours to write ciphertext from the peer into; OpenSSL's to read from.
    private let input: OpaquePointer
    /// OpenSSL's to write ciphertext for the peer into; ours to drain.
    private let output: OpaquePointer
    private var pendingOutput: [UInt8] = []
    /// Where `SSL_read` decrypts into before the plaintext is appended to a `Received`.
    private var readChunk = [UInt8](repeating: 0, count: 16 << 10)
    public private(set) var isHandshakeComplete = false

    public init(context: TLSContext, role: Role) throws(TransportError) {
        self.role = role
        guard let ssl = SSL_new(context.context), let input = BIO_new(BIO_s_mem()),
              let output = BIO_new(BIO_s_mem()) else {
            throw TLSErrors.configuration("cannot create a TLS session")
        }
        self.ssl = ssl
        self.input = input
        self.output = output
        SSL_set_bio(ssl, input, output)  // the SSL now owns both BIOs
        switch role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client(let serverName):
            SSL_set_connect_state(ssl)
            if let serverName { try configurePeerName(SocketAddress.strippingBrackets(serverName), verify: context.configuration.verifyPeer) }
        }
    }

    deinit {
        SSL_free(ssl)
    }

    private func configurePeerName(_ name: String, verify: Bool) throws(TransportError) {
        let isIPAddress = SocketAddress(ipLiteral: name, port: 0) != nil
        // RFC 6066 §3: SNI carries host names only.
        if !isIPAddress, pacslink_SSL_set_tlsext_host_name(ssl, name) != 1 {
            throw TLSErrors.configuration("cannot send the server name \(name)")
        }
        guard verify else { return }
        let checked = isIPAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) == 1
            : SSL_set1_host(ssl, name) == 1
        if !checked { throw TLSErrors.configuration("cannot check the certificate against \(name)") }
    }

    /// The negotiated protocol, e.g. "TLSv1.3".
    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// The negotiated cipher suite (OpenSSL's name), e.g. "ECDHE-RSA-AES256-GCM-SHA384".
    public var cipherSuite: String {
        SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? ""
    }

    /// Starts the handshake: a client's ClientHello is then in the output.
    public func startHandshake() throws(TransportError) {
        try advanceHandshake()
    }

    /// Feeds ciphertext from the peer; returns what it decrypted and whether it completed the
    /// handshake. Throws on a failed handshake or a broken record (the alert, if any, is in
    /// the output).
    public func receive(_ ciphertext: UnsafeRawBufferPointer) throws(TransportError) -> Received {
        var result = Received()
        if !ciphertext.isEmpty {
            _ = BIO_write(input, ciphertext.baseAddress, Int32(ciphertext.count))
        }
        if !isHandshakeComplete {
            try advanceHandshake()
            guard isHandshakeComplete else { return result }
            result.handshakeCompleted = true
        }
        try readPlaintext(into: &result)
        return result
    }

    /// `receive` for bytes in an array.
    public func receive(_ ciphertext: [UInt8]) throws(TransportError) -> Received {
        try ciphertext.withUnsafeBytes { bytes in Result { () throws(TransportError) in try receive(bytes) } }.get()
    }

    /// `send` for bytes in an array.
    public func send(_ plaintext: [UInt8]) throws(TransportError) {
        try plaintext.withUnsafeBytes { bytes in Result { () throws(TransportError) in try send(bytes) } }.get()
    }

    /// Encrypts `plaintext` for the peer (into the output). Only after the handshake.
    public func send(_ plaintext: UnsafeRawBufferPointer) throws(TransportError) {
        precondition(isHandshakeComplete, "TLSEngine.send before the handshake completed")
        guard !plaintext.isEmpty else { return }
        ERR_clear_error()
        let written = SSL_write(ssl, plaintext.baseAddress, Int32(plaintext.count))
        drainOutput()
        guard written > 0 else {
            throw TLSErrors.failure(ssl: ssl, sslError: SSL_get_error(ssl, written), phase: .tls)
        }
    }

    /// Queues a close_notify alert for the peer.
    public func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
        drainOutput()
    }

    /// The ciphertext to send to the peer now (empty when there is none).
    public func takeOutput() -> [UInt8] {
        defer { pendingOutput.removeAll(keepingCapacity: true) }
        return pendingOutput
    }

    private func advanceHandshake() throws(TransportError) {
        ERR_clear_error()
        let status = SSL_do_handshake(ssl)
        drainOutput()
        if status == 1 {
            isHandshakeComplete = true
            return
        }
        let error = SSL_get_error(ssl, status)
        guard error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE else {
            throw TLSErrors.failure(ssl: ssl, sslError: error, phase: .tlsHandshake)
        }
    }

    private func readPlaintext(into result: inout Received) throws(TransportError) {
        while true {
            ERR_clear_error()
            let count = readChunk.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            drainOutput()  // TLS 1.3 post-handshake messages and key updates may answer
            if count > 0 {
                result.plaintext += readChunk[..<Int(count)]
                continue
            }
            let error = SSL_get_error(ssl, count)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return
            case SSL_ERROR_ZERO_RETURN:
                result.peerClosed = true
                return
            default:
                throw TLSErrors.failure(ssl: ssl, sslError: error, phase: .tls)
            }
        }
    }

    private func drainOutput() {
        while pacslink_BIO_pending(output) > 0 {
            let pending = Int(pacslink_BIO_pending(output))
            let start = pendingOutput.count
            pendingOutput.append(contentsOf: repeatElement(0, count: pending))
            let read = pendingOutput.withUnsafeMutableBytes {
                BIO_read(output, $0.baseAddress! + start, Int32(pending))
            }
            pendingOutput.removeLast(pending - max(0, Int(read)))
            if read <= 0 { return }
        }
    }
}
