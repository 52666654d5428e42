import DICOMTransport

extension EchoTarget {
    /// The C-ECHO target for a registered server: its AE title, host and port, called as its
    /// `local_ae_title` (else ours), within its timeout (else `defaultTimeout`), over TLS when
    /// the entry says so (its CA file, else the system store; its client certificate, if any).
    public init(_ entry: ServerEntry, local: LocalSettings, defaultTimeout: Duration) {
        self.init(
            name: entry.name, host: entry.connectHost, port: entry.port, calledAETitle: entry.aeTitle,
            callingAETitle: entry.localAETitle ?? local.aeTitle,
            timeout: entry.timeout.map { .milliseconds(Int64($0 * 1000)) } ?? defaultTimeout,
            tls: entry.tls ? Self.tls(caFile: entry.tlsCA, verify: entry.verifyCertificate, certificate: entry.tlsCert, key: entry.tlsKey) : nil)
    }

    /// A client TLS configuration: trust `caFile` (else the system store), verify the server
    /// unless told not to, present a client certificate when one is given.
    public static func tls(caFile: String?, verify: Bool, certificate: String?, key: String?) -> TLSConfiguration {
        var configuration = TLSConfiguration.client(trustRoots: caFile.map { .file($0) } ?? .system, verifyPeer: verify)
        configuration.certificateChainFile = certificate
        configuration.privateKeyFile = key
        return configuration
    }
}
