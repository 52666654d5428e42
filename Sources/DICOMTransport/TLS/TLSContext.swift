import COpenSSL
import CPACSLinkShims

/// An OpenSSL `SSL_CTX` built from a `TLSConfiguration`: load certificates and trust roots
/// once, then create a `TLSEngine` per connection from any loop (OpenSSL allows that).
public final class TLSContext: @unchecked Sendable {
    public let configuration: TLSConfiguration
    let context: OpaquePointer

    /// Loads the certificate, key and trust roots; throws `.tlsConfiguration` with OpenSSL's
    /// reason when one is unusable.
    public init(_ configuration: TLSConfiguration) throws(TransportError) {
        self.configuration = configuration
        guard let context = SSL_CTX_new(TLS_method()) else {
            throw TLSErrors.configuration("cannot create an SSL context")
        }
        self.context = context
        pacslink_SSL_CTX_set_secure_defaults(context)
        try check(pacslink_SSL_CTX_set_min_proto_version(context, configuration.minimumVersion.openSSL) == 1,
                  "cannot set the minimum TLS version")
        try check(pacslink_SSL_CTX_set_max_proto_version(context, configuration.maximumVersion.openSSL) == 1,
                  "cannot set the maximum TLS version")
        try check(SSL_CTX_set_cipher_list(context, configuration.cipherList) == 1,
                  "no usable TLS 1.2 cipher suite in \"\(configuration.cipherList)\"")
        if let chain = configuration.certificateChainFile {
            try check(SSL_CTX_use_certificate_chain_file(context, chain) == 1,
                      "cannot load the certificate chain \(chain)")
        }
        if let key = configuration.privateKeyFile {
            try check(SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1,
                      "cannot load the private key \(key)")
            try check(SSL_CTX_check_private_key(context) == 1,
                      "the private key \(key) does not match the certificate")
        }
        switch configuration.trustRoots {
        case .system:
            try check(SSL_CTX_set_default_verify_paths(context) == 1, "cannot load the system trust store")
        case .file(let path):
            try check(SSL_CTX_load_verify_locations(context, path, nil) == 1,
                      "cannot load the CA certificates in \(path)")
        }
        var mode = configuration.verifyPeer || configuration.requireClientCertificate ? SSL_VERIFY_PEER : SSL_VERIFY_NONE
        if configuration.requireClientCertificate { mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT }
        SSL_CTX_set_verify(context, mode, nil)
    }

    deinit {
        SSL_CTX_free(context)
    }

    private func check(_ succeeded: Bool, _ what: String) throws(TransportError) {
        guard succeeded else { throw TLSErrors.configuration(what) }
    }
}

extension TLSConfiguration.Version {
    var openSSL: Int32 {
        switch self {
        case .tls1_2: TLS1_2_VERSION
        case .tls1_3: TLS1_3_VERSION
        }
    }
}
