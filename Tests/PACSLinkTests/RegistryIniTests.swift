import Foundation
import Testing
@testable import PACSLink

/// The ini layout: sections, comments, quoting, case-insensitive keys, errors with
/// file:line:column, and the writer's round trip.
@Suite("Registry ini files")
struct RegistryIniTests {
    /// The repository's `config/` directory.
    static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config")

    private func parse(_ text: String, layer: ConfigurationLayer = .user) throws(RegistryError) -> ServersFile {
        try ServersFile(parsing: text, file: "test.ini", layer: layer)
    }

    /// The error `text` gives, as `file:line:column: message`.
    private func failure(_ text: String) -> String? {
        do throws(RegistryError) {
            _ = try parse(text)
            return nil
        } catch {
            #expect(error.kind == .invalid)
            return error.description
        }
    }

    @Test("sections, key = value, comments, case-insensitive keys, trimmed values, booleans")
    func layout() throws {
        let file = try parse("""
            ; leading comment
            # another
            [LOCAL]
            AE_Title   =   MYAE   ; trailing comment
            Receive_Port=4242

              [ Server  "Hospital PACS" ]   # comment after a header
            ae_title = HOSPPACS
            host = 10.0.4.12
            port = 104
            description = Room#3;west wing # a comment starts at ; or # after a space
            tls = On
            verify_certificate = 0\r
            """)
        #expect(file.local.map(\.key) == ["ae_title", "receive_port"])
        #expect(file.local.map(\.value) == ["MYAE", "4242"])
        let server = try #require(file.servers.first)
        #expect(server.name == "Hospital PACS" && server.aeTitle == "HOSPPACS" && server.port == 104)
        #expect(server.description == "Room#3;west wing")
        #expect(server.tls && !server.verifyCertificate)
        #expect(server.layer == .user)
    }

    @Test("quoted values keep spaces, comment markers and escaped quotes")
    func quoted() throws {
        let file = try parse("""
            [server "S"]
            ae_title = A
            host = h
            port = 1
            description = "  a \\"b\\" ; #c \\\\ "  ; comment
            """)
        #expect(file.servers.first?.description == "  a \"b\" ; #c \\ ")
    }

    @Test("errors give file:line:column and what was expected", arguments: [
        ("[server \"S\"]\nae_title = A\nhost = h\nport = 0\n", "test.ini:4:8: port: 0 is out of range: expected a port number 1–65535"),
        ("[server \"S\"]\nae_title = A\nhost = 300.1.1.1\nport = 1\n", "test.ini:3:8: host: \"300.1.1.1\" is not an IPv4 address"),
        ("[server \"S\"]\nae_title = ABCDEFGHIJKLMNOPQ\n", "test.ini:2:12: ae_title: AE title \"ABCDEFGHIJKLMNOPQ\" is longer than 16 characters"),
        ("[server \"S\"]\n  colour = red\n", "test.ini:2:3: colour: unknown key; expected one of ae_title"),
        ("[local]\nopen = maybe\n", "test.ini:2:8: open: \"maybe\" is not a boolean"),
        ("[local]\nhost = h\n", "test.ini:2:1: host: unknown key; expected one of ae_title, receive_port"),
        ("[printers]\n", "test.ini:1:2: unknown section \"printers\": expected [local] or [server \"NAME\"]"),
        ("[server S]\n", "test.ini:1:9: a server section needs a quoted name"),
        ("[server \"S\"\n", "test.ini:1:12: missing \"]\""),
        ("[server \"S\"] x\n", "test.ini:1:14: unexpected text after the section header"),
        ("[local]\nae_title = \"A\n", "test.ini:2:12: unterminated quoted text"),
        ("[local]\nae_title = \"A\" B\n", "test.ini:2:16: unexpected text after the quoted value"),
        ("ae_title = A\n", "test.ini:1:1: key \"ae_title\" is outside any section"),
        ("[local]\nae_title A\n", "test.ini:2:10: expected \"=\" after key \"ae_title\""),
        ("[local]\n= A\n", "test.ini:2:1: unexpected \"=\": expected a section header"),
        ("[local]\nae_title = A\nAE_TITLE = B\n", "test.ini:3:1: key \"AE_TITLE\" is set twice in this section (first at line 2)"),
        ("[local]\n[local]\n", "test.ini:2:1: [local] is defined twice (first at line 1)"),
        ("[server \"S\"]\nae_title = A\nhost = h\nport = 1\n[server \"S\"]\n", "test.ini:5:1: server \"S\" is defined twice (first at line 1)"),
        ("[server \"S\"]\nae_title = A\nport = 1\n", "test.ini:1:1: server \"S\": host: is missing"),
        ("[server \"S\"]\nae_title = A\nhost = h\nport = 1\ntls_key = k.pem\n", "test.ini:1:1: server \"S\": tls_cert: is missing"),
        ("[server \"\"]\n", "test.ini:1:9: name: \"\" is not a server name"),
        ("[server \"S\"]\ncompression = jpeg-losless\n", "test.ini:2:15: compression: \"jpeg-losless\" is not a transfer syntax"),
    ])
    func errors(_ text: String, _ expected: String) {
        let message = failure(text)
        #expect(message?.hasPrefix(expected) == true, "\(message ?? "no error")")
    }

    @Test("CRLF line ends and a byte order mark are accepted; positions count lines the same")
    func crlf() throws {
        let text = "\u{FEFF}; Windows\r\n[server \"S\"]\r\nae_title = A\r\nhost = h\r\nport = 104\r\n"
        #expect(try parse(text).servers.first?.port == 104)
        #expect(failure(text.replacingOccurrences(of: "104", with: "0")) == "test.ini:5:8: port: 0 is out of range: expected a port number 1–65535")
    }

    @Test("random text never traps the reader: it parses or throws a positioned error")
    func randomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("[]\"\\=;# \t\r\nserverlocalae_titlehostport0123456789.:-ÉA\u{0}\u{1B}")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<80, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            do throws(RegistryError) {
                _ = try parse(text)
            } catch {
                #expect(error.kind == .invalid && error.location != nil, "\(text.debugDescription): \(error)")
            }
        }
    }

    @Test("an empty or comment-only file has no sections")
    func empty() throws {
        #expect(try parse("").servers.isEmpty)
        #expect(try parse("; nothing\n\n   # here\n").local.isEmpty)
    }

    @Test("the writer's output reads back to the same entries and local settings")
    func roundTrip() throws {
        var file = ServersFile()
        file.local = [("ae_title", "ME"), ("storage", "/data/dicom ; archive"), ("allowed_callers", "A,B")]
        file.servers = [
            try ServerEntry(name: "Hospital PACS", settings: [
                ("ae_title", "HOSP"), ("host", "[::1]"), ("port", "104"), ("listen_port", "11113"),
                ("compression", "jpeg-lossless"), ("description", " spaced \"quoted\" # not a comment "),
                ("tls", "yes"), ("verify_certificate", "no"), ("tls_ca", "/ca.pem"), ("tls_cert", "/c.pem"),
                ("tls_key", "/k.pem"), ("retrieve_method", "get"), ("local_ae_title", "OTHER"), ("timeout", "2.5"),
            ]),
            try ServerEntry(name: "plain", settings: [("ae_title", "P"), ("host", "pacs.example"), ("port", "11112")]),
        ]
        let text = try file.text(header: ["header line"], file: "test.ini")
        #expect(text.hasPrefix("; header line\n"))
        let again = try parse(text)
        #expect(again.servers == file.servers)
        #expect(again.local.map(\.key) == file.local.map(\.key))
        #expect(again.local.map(\.value) == file.local.map(\.value))
        #expect(try again.text(header: ["header line"], file: "test.ini") == text)
    }

    @Test("config/servers.ini (administrator's example) loads cleanly")
    func adminExample() throws {
        let path = Self.configDirectory.appendingPathComponent("servers.ini").path
        let file = try ServersFile(parsing: ConfigurationFileIO.read(path), file: path, layer: .admin)
        #expect(file.servers.map(\.name) == ["Hospital PACS", "Cardiology", "Research mirror"])
        #expect(file.servers.allSatisfy { $0.layer == .admin })
        let hospital = file.servers[0]
        #expect(hospital.listenPort == 11113 && hospital.compression == "jpeg-lossless" && hospital.tls)
        #expect(file.servers[1].retrieveMethod == .get && file.servers[1].timeout == 30)
        #expect(file.servers[2].connectHost == "2001:db8::4" && file.servers[2].localAETitle == "PACSLINK_RES")
        #expect(file.local.contains { $0.key == "storage" && $0.value == "/var/lib/pacslink" })
    }

    @Test("config/user-servers.ini (user's example) loads cleanly")
    func userExample() throws {
        let path = Self.configDirectory.appendingPathComponent("user-servers.ini").path
        let file = try ServersFile(parsing: ConfigurationFileIO.read(path), file: path, layer: .user)
        #expect(file.servers.map(\.name) == ["Orthanc on my laptop", "Lab storescp"])
        #expect(file.servers[0].description == "  test server ; not for patients  ")
        #expect(file.servers[1].listenPort == 11115 && file.servers[1].compression == "RLE")
    }
}
