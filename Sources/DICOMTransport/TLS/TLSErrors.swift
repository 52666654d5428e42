import COpenSSL

/// Turns OpenSSL's error queue and verification results into `TransportError`s that say what
/// happened in OpenSSL's own words ("certificate verify failed: unable to get local issuer
/// certificate", "wrong version number", "tlsv13 alert certificate required").
enum TLSErrors {
    /// The first error on this thread's OpenSSL queue, which is then cleared.
    static func takeQueued() -> (reason: Int32, text: String)? {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return nil }
        let reason = ERR_GET_REASON(code)
        let text = ERR_reason_error_string(code).map { String(cString: $0) } ?? "OpenSSL error \(code)"
        return (reason, text)
    }

    /// A configuration error, with OpenSSL's reason when it gave one.
    static func configuration(_ what: String) -> TransportError {
        let reason = takeQueued().map { ": \($0.text)" } ?? ""
        return TransportError(phase: .tls, kind: .tlsConfiguration, detail: what + reason)
    }

    /// Classifies a failed `SSL_do_handshake`/`SSL_read`/`SSL_write` on `ssl`.
    static func failure(ssl: OpaquePointer, sslError: Int32, phase: TransportError.Phase) -> TransportError {
        let queued = takeQueued()
        let verifyResult = Int32(SSL_get_verify_result(ssl))
        if let queued, queued.reason == SSL_R_CERTIFICATE_VERIFY_FAILED, verifyResult != X509_V_OK {
            let why = String(cString: X509_verify_cert_error_string(Int(verifyResult)))
            let kind: TransportError.Kind =
                verifyResult == X509_V_ERR_HOSTNAME_MISMATCH || verifyResult == X509_V_ERR_IP_ADDRESS_MISMATCH
                ? .hostnameMismatch : .certificateNotTrusted
            return TransportError(phase: phase, kind: kind, detail: "certificate verify failed: \(why)")
        }
        guard let queued else {
            let detail = sslError == SSL_ERROR_SYSCALL || sslError == SSL_ERROR_ZERO_RETURN
                ? "the peer closed the connection" : "TLS failure (SSL_get_error \(sslError))"
            return TransportError(phase: phase, kind: .tlsProtocol, detail: detail)
        }
        let alertRange = SSL_AD_REASON_OFFSET..<(SSL_AD_REASON_OFFSET + 256)
        let kind: TransportError.Kind = alertRange.contains(queued.reason) ? .tlsAlertReceived : .tlsProtocol
        var detail = queued.text
        if queued.reason == SSL_R_WRONG_VERSION_NUMBER || queued.reason == SSL_R_PACKET_LENGTH_TOO_LONG
            || queued.reason == SSL_R_HTTP_REQUEST {
            detail += SSL_is_server(ssl) == 1
                ? " (the client does not speak TLS: a plain DICOM client on a TLS port?)"
                : " (the peer does not speak TLS: is this a plain DICOM port?)"
        }
        return TransportError(phase: phase, kind: kind, detail: detail)
    }

    /// The peer closed the TCP connection before the handshake finished.
    /// The peer closed (or reset, `cause`) the connection before the handshake completed.
    static func closedDuringHandshake(_ cause: TransportError?) -> TransportError {
        let how = cause.map { " (\($0.detail))" } ?? ""
        return TransportError(
            phase: .tlsHandshake, kind: .tlsProtocol, peer: cause?.peer,
            detail: "the peer closed the connection during the TLS handshake\(how): is this a TLS port?")
    }
}
