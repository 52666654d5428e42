import Foundation
import TestSupport

/// Certificates made with the `openssl` command for the TLS tests, once per test run: a test
/// CA with a server (localhost, 127.0.0.1, ::1) and a client certificate it signed, and an
/// unrelated self-signed localhost certificate (the "wrong CA"), and a localhost certificate
/// from the CA that expires the second it is made (`-days 0`). The server key is RSA 2048 as
/// PACS certificates usually are; the others are P-256, which generate in milliseconds.
struct TLSTestCertificates: Sendable {
    let directory: String
    var caCertificate: String { path("ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.pem") }
    var clientKey: String { path("client.key") }
    var otherCertificate: String { path("other.pem") }
    var otherKey: String { path("other.key") }
    var expiredCertificate: String { path("expired.pem") }
    var expiredKey: String { path("expired.key") }
    /// When the expired certificate's notAfter has certainly passed.
    private(set) var expiredAt = ContinuousClock.now

    static let shared = Result { try TLSTestCertificates() }

    private func path(_ name: String) -> String { directory + "/" + name }

    private init() throws {
        let temporary = try TemporaryDirectory(prefix: "pacslink-tls")
        temporary.keep()
        directory = temporary.path
        let days = ["-days", "30"]
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"] + days + [
            "-subj", "/CN=PACSLink Test CA", "-keyout", path("ca.key"), "-out", caCertificate])
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"] + days + [
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            "-keyout", otherKey, "-out", otherCertificate])
        try issue("server", key: ["rsa:2048"], subject: "/CN=localhost",
                  extensions: "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n")
        try issue("expired", key: ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"], subject: "/CN=localhost",
                  extensions: "subjectAltName=DNS:localhost,IP:127.0.0.1\n", days: "0")
        expiredAt = .now + .seconds(1)
        try issue("client", key: ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"], subject: "/CN=PACSLink Test Client",
                  extensions: "extendedKeyUsage=clientAuth\n")
    }

    /// A key and a certificate for `subject`, signed by the test CA.
    private func issue(_ name: String, key: [String], subject: String, extensions: String,
                       days: String = "30") throws {
        try openssl(["req", "-newkey"] + key + ["-nodes", "-subj", subject,
                     "-keyout", path("\(name).key"), "-out", path("\(name).csr")])
        try extensions.write(toFile: path("\(name).ext"), atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", path("\(name).csr"), "-CA", caCertificate,
                     "-CAkey", path("ca.key"), "-CAcreateserial", "-days", days,
                     "-extfile", path("\(name).ext"), "-out", path("\(name).pem")])
    }

    private func openssl(_ arguments: [String]) throws {
        let result = try ChildProcess.run("/usr/bin/openssl", arguments)
        guard result.status == 0 else {
            throw Failure("openssl \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
    }
}
