import Foundation
import TestSupport

/// Self-signed certificates made at test time with `openssl req -x509` (interop.md): each is
/// its own CA, names localhost and 127.0.0.1, and lives in a temporary directory.
struct EchoTLSCertificates {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "echo-tls")
        for name in ["server", "client", "stranger"] {
            let run = try ChildProcess.run("/usr/bin/openssl", [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key(name), "-out", certificate(name),
            ])
            guard run.status == 0 else { throw Failure("openssl failed: \(run.stderr)") }
        }
    }

    func certificate(_ name: String) -> String { directory.path + "/\(name).pem" }
    func key(_ name: String) -> String { directory.path + "/\(name)-key.pem" }
}
