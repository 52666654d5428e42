/// How to run TLS on a DICOM connection (PS3.15 Annex B.1 and the BCP 195 profiles): TLS 1.2
/// at least, 1.3 allowed, peers verified against a CA file or the system store.
public struct TLSConfiguration: Sendable, Equatable {
    /// Protocol versions we accept.
    public enum Version: Sendable, Equatable {
        case tls1_2, tls1_3
    }

    /// Where trusted CA certificates come from.
    public enum TrustRoots: Sendable, Equatable {
        /// OpenSSL's default locations (the system store).
        case system
        /// A PEM file of CA certificates.
        case file(String)
    }

    public var minimumVersion: Version = .tls1_2
    public var maximumVersion: Version = .tls1_3
    /// PEM file with our certificate (and its chain): required for a server, for a client
    /// only when the server asks for one (mutual TLS).
    public var certificateChainFile: String?
    /// PEM file with the private key of that certificate.
    public var privateKeyFile: String?
    public var trustRoots: TrustRoots = .system
    /// Verify the peer's certificate chain. A client also checks that the certificate names
    /// the host it connected to. Turning this off is for tests and closed networks only.
    public var verifyPeer = true
    /// Server only: refuse clients without a valid certificate (mutual TLS).
    public var requireClientCertificate = false
    /// TLS 1.2 cipher suites (OpenSSL syntax): forward-secret AEAD suites only, per BCP 195
    /// (RFC 9325 §4.2). TLS 1.3 suites are OpenSSL's defaults, all of them acceptable.
    public var cipherList = "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20"

    public init() {}

    /// A client configuration trusting `trustRoots`.
    public static func client(trustRoots: TrustRoots = .system, verifyPeer: Bool = true) -> TLSConfiguration {
        var configuration = TLSConfiguration()
        configuration.trustRoots = trustRoots
        configuration.verifyPeer = verifyPeer
        return configuration
    }

    /// A server configuration presenting the certificate in `certificateChainFile`.
    public static func server(certificateChainFile: String, privateKeyFile: String) -> TLSConfiguration {
        var configuration = TLSConfiguration()
        configuration.certificateChainFile = certificateChainFile
        configuration.privateKeyFile = privateKeyFile
        configuration.verifyPeer = false
        return configuration
    }
}
