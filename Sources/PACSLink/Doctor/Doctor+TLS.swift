import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Step 3 (servers marked TLS; PS3.15 Annex B.1): a handshake that does not itself refuse
    /// the certificate, so that whatever is wrong with it — untrusted chain, wrong host name,
    /// expired or about to expire — can be named; then the verdict the entry's settings imply.
    func tls() async -> DoctorStep {
        guard entry.tls else { return .skipped(.tls, "the server entry does not use TLS") }
        let start = ContinuousClock.now
        let configuration = EchoTarget.tls(caFile: entry.tlsCA, verify: false, certificate: entry.tlsCert, key: entry.tlsKey)
        let handshake: (protocol: String, cipher: String, certificate: TLSPeerCertificate?)
        do {
            let context = try TLSContext(configuration)
            let channel = try await TLSChannel.connect(
                host: entry.connectHost, port: entry.port, on: loop, timeout: options.timeout, context: context)
            let host = entry.connectHost
            handshake = try await loop.submit {
                defer { channel.close() }
                return (channel.engine.protocolVersion, channel.engine.cipherSuite, channel.engine.peerCertificate(checkedAgainst: host))
            }
        } catch {
            let detail = (error as? TransportError)?.detail ?? "\(error)"
            return DoctorStep(
                .tls, .failed, duration: .now - start, finding: "handshake failed: \(detail)",
                advice: (error as? TransportError)?.kind == .tlsConfiguration
                    ? "Our TLS settings for this server are unusable: fix the files named (`pacslink servers edit \(entry.name) --tls-ca/--tls-cert/--tls-key`)."
                    : "Ask the PACS administrator whether port \(entry.port) speaks TLS, which TLS versions it allows and whether it requires a client certificate.",
                data: [("error", .string(detail))])
        }
        return verdict(protocol: handshake.protocol, cipher: handshake.cipher, certificate: handshake.certificate, duration: .now - start)
    }

    private func verdict(protocol version: String, cipher: String, certificate: TLSPeerCertificate?, duration: Duration) -> DoctorStep {
        var data: [(String, JSONValue)] = [("protocol", .string(version)), ("cipher", .string(cipher))]
        guard let certificate else {
            return DoctorStep(.tls, .failed, duration: duration, finding: "the server sent no certificate",
                              advice: "Ask the PACS administrator to configure a server certificate on port \(entry.port).", data: data)
        }
        data += [
            ("subject", .string(certificate.subject)), ("issuer", .string(certificate.issuer)),
            ("not_after", .string(certificate.notAfter)), ("days_until_expiry", .number(String(certificate.daysUntilExpiry))),
            ("chain_verified", .bool(certificate.verificationFailure == nil)),
            ("chain_error", certificate.verificationFailure.map { .string($0) } ?? .null),
            ("hostname_matches", .bool(certificate.matchesHost)), ("verify_certificate", .bool(entry.verifyCertificate)),
        ]
        let summary = "\(version), \(cipher), certificate \(certificate.subject)"
        let renew = "ask the PACS administrator to renew the server certificate"
        if certificate.daysUntilExpiry < 0 {
            return DoctorStep(.tls, .failed, duration: duration,
                              finding: "\(summary) expired on \(certificate.notAfter)",
                              advice: "The PACS's certificate has expired: \(renew); until then TLS associations are refused.", data: data)
        }
        var problems: [String] = []
        if let failure = certificate.verificationFailure { problems.append("the chain does not verify (\(failure))") }
        if !certificate.matchesHost { problems.append("it does not name \(entry.host)") }
        if !problems.isEmpty {
            let advice = certificate.verificationFailure != nil
                ? "Ask the PACS administrator for the CA certificate that signed the server's and set it with `pacslink servers edit \(entry.name) --tls-ca FILE`."
                : "Use the host name the certificate names (`pacslink servers edit \(entry.name) --host …`) or ask the PACS administrator for a certificate naming \(entry.host)."
            if entry.verifyCertificate {
                return DoctorStep(.tls, .failed, duration: duration, finding: "\(summary): \(problems.joined(separator: "; "))",
                                  advice: advice, data: data)
            }
            return DoctorStep(.tls, .warning, duration: duration,
                              finding: "\(summary): \(problems.joined(separator: "; ")) (not checked: verify_certificate = no)",
                              advice: "Certificate checks are off for this server, so anyone could pose as it: " + advice.prefix(1).lowercased() + advice.dropFirst(),
                              data: data)
        }
        if certificate.daysUntilExpiry < 30 {
            return DoctorStep(.tls, .warning, duration: duration,
                              finding: "\(summary) expires in \(certificate.daysUntilExpiry) days (\(certificate.notAfter))",
                              advice: "The PACS's certificate expires on \(certificate.notAfter): \(renew) before then.", data: data)
        }
        return DoctorStep(.tls, .ok, duration: duration, finding: "\(summary), valid until \(certificate.notAfter)", data: data)
    }
}
