import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a client learned about the server's certificate during a handshake (PS3.15 Annex
/// B.1: the certificate identifies the node): who it names, whether the chain verified against
/// our trust roots, whether it names the host we asked for, and when it expires. Read with the
/// handshake done without verification, it describes a certificate that a verifying
/// handshake would refuse — which is what a diagnosis needs.
public struct TLSPeerCertificate: Sendable, Equatable {
    /// The subject, as OpenSSL prints it ("/CN=pacs.example.org").
    public var subject: String
    public var issuer: String
    /// The last day of validity (notAfter), "YYYY-MM-DD" in UTC.
    public var notAfter: String
    /// Whole days from now until notAfter; negative once expired.
    public var daysUntilExpiry: Int
    /// OpenSSL's reason when the chain did not verify against the trust roots
    /// ("certificate has expired", "self-signed certificate"); nil when it did.
    public var verificationFailure: String?
    /// Whether the certificate names the host (DNS name or IP address) it was checked against.
    public var matchesHost: Bool
}

extension TLSEngine {
    /// The server's certificate after the handshake, checked against `host`; nil before the
    /// handshake or when the peer sent none.
    public func peerCertificate(checkedAgainst host: String) -> TLSPeerCertificate? {
        guard isHandshakeComplete, let certificate = SSL_get0_peer_certificate(ssl) else { return nil }
        let bare = SocketAddress.strippingBrackets(host)
        let matches = SocketAddress(ipLiteral: bare, port: 0) != nil
            ? X509_check_ip_asc(certificate, bare, 0) == 1
            : X509_check_host(certificate, bare, bare.utf8.count, 0, nil) == 1
        let verification = SSL_get_verify_result(ssl)
        var days: Int32 = 0
        var seconds: Int32 = 0
        var expiry = tm()
        let notAfter = X509_get0_notAfter(certificate)
        let known = ASN1_TIME_diff(&days, &seconds, nil, notAfter) == 1 && ASN1_TIME_to_tm(notAfter, &expiry) == 1
        return TLSPeerCertificate(
            subject: Self.text(of: X509_get_subject_name(certificate)), issuer: Self.text(of: X509_get_issuer_name(certificate)),
            notAfter: known ? Self.date(expiry) : "unknown",
            daysUntilExpiry: known ? Int(days) - (days == 0 && seconds < 0 ? 1 : 0) : 0,
            verificationFailure: verification == X509_V_OK ? nil : String(cString: X509_verify_cert_error_string(verification)),
            matchesHost: matches)
    }

    private static func text(of name: OpaquePointer?) -> String {
        guard let name else { return "" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            X509_NAME_oneline(name, buffer.baseAddress, Int32(buffer.count)).map { String(cString: $0) } ?? ""
        }
    }

    private static func date(_ time: tm) -> String {
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(time.tm_year + 1900)-\(two(time.tm_mon + 1))-\(two(time.tm_mday))"
    }
}
