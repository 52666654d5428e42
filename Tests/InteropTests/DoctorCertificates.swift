import Foundation
import TestSupport

/// A self-signed server certificate for `storescp +tls`, naming localhost and 127.0.0.1, valid
/// for `days` days — or, with a negative count, expired that many days ago (`openssl x509 -req
/// -days -1` signs it with notAfter before now). Made at test time in a temporary directory.
struct DoctorCertificates {
    let directory: TemporaryDirectory
    var certificate: String { directory.path + "/server.pem" }
    var key: String { directory.path + "/server-key.pem" }

    init(days: Int) throws {
        directory = try TemporaryDirectory(prefix: "doctor-tls")
        let request = directory.path + "/server.csr"
        let extensions = directory.path + "/san.cnf"
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: extensions, atomically: true, encoding: .utf8)
        try Self.openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", request])
        try Self.openssl([
            "x509", "-req", "-in", request, "-signkey", key, "-days", String(days), "-extfile", extensions, "-out", certificate,
        ])
    }

    private static func openssl(_ arguments: [String]) throws {
        let run = try ChildProcess.run("/usr/bin/openssl", arguments)
        guard run.status == 0 else { throw Failure("openssl \(arguments[0]) failed: \(run.stderr)") }
    }
}
