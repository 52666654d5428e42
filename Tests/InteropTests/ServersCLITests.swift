import Foundation
import Testing
import TestSupport

/// `pacslink servers …` and `pacslink local …` run as users run them: the built binary, its
/// output and its exit codes (docs/cli.md: 0 ok, 1 failed, 2 usage, 3 invalid, 4 refused).
@Suite("servers CLI")
struct ServersCLITests {
    let directory: TemporaryDirectory
    let admin: String
    let user: String
    let adminText = """
        ; the administrator's servers
        [server "Hospital PACS"]
        ae_title = HOSPPACS
        host = 10.0.4.12
        port = 104
        tls = yes

        """

    init() throws {
        directory = try TemporaryDirectory(prefix: "servers-cli")
        admin = directory.path + "/etc/servers.ini"
        user = directory.path + "/home/.config/pacslink/servers.ini"
        try FileManager.default.createDirectory(atPath: directory.path + "/etc", withIntermediateDirectories: true)
        try adminText.write(toFile: admin, atomically: false, encoding: .utf8)
    }

    /// Runs `pacslink --config USER --admin-config ADMIN arguments…`.
    @discardableResult
    func pacslink(_ arguments: String..., environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try ChildProcess.run(
            BuiltProducts.pacslink(), ["--config", user, "--admin-config", admin] + arguments,
            environment: environment, timeout: 30)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    var adminBytes: Data? { FileManager.default.contents(atPath: admin) }

    @Test("add, list, show, edit and remove a server")
    func lifecycle() throws {
        var run = try pacslink("servers", "add", "Lab", "--ae", "STORESCP", "--host", "[::1]", "--port", "11112",
                               "--compression", "jpeg-ls-lossless", "--description", "lab bench", "--retrieve-method", "get",
                               "--local-ae", "ME", "--timeout", "7.5")
        #expect(run.status == 0, "\(run.stderr)")
        run = try pacslink("servers", "list")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("Hospital PACS") && lines[1].hasSuffix("admin (read-only)"))
        #expect(lines[2].hasPrefix("Lab") && lines[2].contains("STORESCP") && lines[2].hasSuffix("user"))

        let listing = try json(try pacslink("servers", "list", "--json").stdout)
        let servers = try #require(listing["servers"] as? [[String: Any]])
        #expect(servers.map { $0["name"] as? String } == ["Hospital PACS", "Lab"])
        #expect(servers.map { $0["read_only"] as? Bool } == [true, false])
        #expect(listing["admin_file"] as? String == admin)

        run = try pacslink("servers", "edit", "Lab", "--port", "4242", "--tls", "--no-verify-certificate")
        #expect(run.status == 0, "\(run.stderr)")
        let lab = try json(try pacslink("servers", "show", "Lab", "--json").stdout)
        #expect(lab["port"] as? Int == 4242 && lab["listen_port"] as? Int == 4242)
        #expect(lab["tls"] as? Bool == true && lab["verify_certificate"] as? Bool == false)
        #expect(lab["ae_title"] as? String == "STORESCP" && lab["host"] as? String == "[::1]")
        #expect(lab["compression"] as? String == "jpeg-ls-lossless" && lab["description"] as? String == "lab bench")
        #expect(lab["retrieve_method"] as? String == "get" && lab["local_ae_title"] as? String == "ME")
        #expect(lab["timeout"] as? Double == 7.5 && lab["source"] as? String == "user")

        run = try pacslink("servers", "edit", "Lab", "--no-tls")
        #expect(try json(try pacslink("servers", "show", "Lab", "--json").stdout)["tls"] as? Bool == false)
        run = try pacslink("servers", "show", "Lab")
        #expect(run.stdout.contains("ae_title") && run.stdout.contains("STORESCP"))

        #expect(try pacslink("servers", "remove", "Lab").status == 0)
        #expect(try pacslink("servers", "show", "Lab").status == 1)
        #expect(adminBytes == Data(adminText.utf8))
    }

    @Test("no command changes the administrator's entries: refused with exit 4, admin file unchanged")
    func adminReadOnly() throws {
        let attempts: [[String]] = [
            ["servers", "edit", "Hospital PACS", "--port", "105"],
            ["servers", "edit", "Hospital PACS", "--no-tls"],
            ["servers", "remove", "Hospital PACS"],
            ["servers", "add", "Hospital PACS", "--ae", "MINE", "--host", "localhost", "--port", "104"],
        ]
        for arguments in attempts {
            let run = try ChildProcess.run(
                BuiltProducts.pacslink(), ["--config", user, "--admin-config", admin] + arguments, timeout: 30)
            #expect(run.status == 4, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("administrator's file \(admin)"), "\(run.stderr)")
            #expect(adminBytes == Data(adminText.utf8))
        }
        for arguments in [["servers", "list"], ["servers", "show", "Hospital PACS", "--json"], ["local", "show"],
                          ["local", "set", "--ae-title", "ME"],
                          ["servers", "add", "Other", "--ae", "O", "--host", "h", "--port", "1"]] {
            let run = try ChildProcess.run(
                BuiltProducts.pacslink(), ["--config", user, "--admin-config", admin] + arguments, timeout: 30)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(adminBytes == Data(adminText.utf8))
        }
        #expect(try json(try pacslink("servers", "show", "Hospital PACS", "--json").stdout)["port"] as? Int == 104)
    }

    @Test("invalid values exit 3 naming the field and the rule", arguments: [
        (["--ae", "ABCDEFGHIJKLMNOPQ", "--host", "h", "--port", "1"], "ae_title: AE title \"ABCDEFGHIJKLMNOPQ\" is longer than 16 characters"),
        (["--ae", "A\\B", "--host", "h", "--port", "1"], "ae_title: AE title \"A\\B\" contains a backslash"),
        (["--ae", "A", "--host", "300.1.1.1", "--port", "1"], "host: \"300.1.1.1\" is not an IPv4 address"),
        (["--ae", "A", "--host", "h", "--port", "0"], "port: 0 is out of range: expected a port number 1–65535"),
        (["--ae", "A", "--host", "h", "--port", "65536"], "port: 65536 is out of range"),
        (["--ae", "A", "--host", "h", "--port", "1", "--listen-port", "0"], "listen_port: 0 is out of range"),
        (["--ae", "A", "--host", "h", "--port", "1", "--compression", "zip"], "compression: \"zip\" is not a transfer syntax"),
        (["--ae", "A", "--host", "h", "--port", "1", "--retrieve-method", "push"], "retrieve_method: \"push\""),
        (["--ae", "A", "--host", "h", "--port", "1", "--tls-cert", "c.pem"], "tls_key: is missing"),
    ])
    func invalidValues(_ options: [String], _ message: String) throws {
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(), ["--config", user, "--admin-config", admin, "servers", "add", "S"] + options,
            timeout: 30)
        #expect(run.status == 3)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: user))
    }

    @Test("accepted hosts from the command line", arguments: ["0:0:0:0:0:ffff:a00:40c", "[::1]", "dicomserver.univ.com", "10.0.4.12"])
    func acceptedHosts(_ host: String) throws {
        let run = try pacslink("servers", "add", "S", "--ae", "A", "--host", host, "--port", "104")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try json(try pacslink("servers", "show", "S", "--json").stdout)["host"] as? String == host)
    }

    @Test("usage errors exit 2", arguments: [
        ["servers", "add", "S", "--ae", "A"],
        ["servers", "add", "S", "--ae", "A", "--host", "h", "--port", "1", "--colour", "red"],
        ["servers", "edit", "S"],
        ["servers", "frobnicate"],
        ["local", "set"],
        ["servers", "show"],
    ])
    func usage(_ arguments: [String]) throws {
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(), ["--config", user, "--admin-config", admin] + arguments, timeout: 30)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Usage:") || run.stderr.contains("Error:"), "\(run.stderr)")
    }

    @Test("unknown servers exit 1; duplicates of the user's own exit 3")
    func notFoundAndDuplicate() throws {
        #expect(try pacslink("servers", "show", "Nobody").status == 1)
        #expect(try pacslink("servers", "remove", "Nobody").status == 1)
        #expect(try pacslink("servers", "add", "S", "--ae", "A", "--host", "h", "--port", "1").status == 0)
        let again = try pacslink("servers", "add", "S", "--ae", "A", "--host", "h", "--port", "1")
        #expect(again.status == 3 && again.stderr.contains("already exists"))
    }

    @Test("an invalid administrator's file exits 3 with file:line:column")
    func invalidAdminFile() throws {
        try "[server \"X\"]\nae_title = X\nhost = h\nport = 1\nflavour = vanilla\n".write(toFile: admin, atomically: false, encoding: .utf8)
        let run = try pacslink("servers", "list")
        #expect(run.status == 3)
        #expect(run.stderr.contains("\(admin):5:1: flavour: unknown key"), "\(run.stderr)")
    }

    @Test("PACSLINK_CONFIG and PACSLINK_ADMIN_CONFIG select the files when no option does")
    func environment() throws {
        let run = try ChildProcess.run(
            BuiltProducts.pacslink(), ["servers", "add", "E", "--ae", "A", "--host", "h", "--port", "1"],
            environment: ["PACSLINK_CONFIG": user, "PACSLINK_ADMIN_CONFIG": admin], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        let listed = try ChildProcess.run(
            BuiltProducts.pacslink(), ["servers", "list", "--json"],
            environment: ["PACSLINK_CONFIG": user, "PACSLINK_ADMIN_CONFIG": admin], timeout: 30)
        let names = try #require(try json(listed.stdout)["servers"] as? [[String: Any]]).map { $0["name"] as? String }
        #expect(names == ["Hospital PACS", "E"])
    }

    @Test("local show and set")
    func local() throws {
        var run = try pacslink("local", "set", "--ae-title", "ME", "--receive-port", "4242", "--storage", "/srv/in",
                               "--allowed-callers", "A,B", "--open")
        #expect(run.status == 0, "\(run.stderr)")
        let local = try json(try pacslink("local", "show", "--json").stdout)
        #expect(local["ae_title"] as? String == "ME" && local["receive_port"] as? Int == 4242)
        #expect(local["storage"] as? String == "/srv/in" && local["open"] as? Bool == true)
        #expect(local["allowed_callers"] as? [String] == ["A", "B"])
        run = try pacslink("local", "set", "--receive-port", "0")
        #expect(run.status == 3 && run.stderr.contains("receive_port: 0 is out of range"))
    }

    @Test("two `servers add` processes run at once both land in the user's file, every time")
    func concurrentAdds() throws {
        let rounds = 20
        for round in 0..<rounds {
            let children = try (0..<2).map { side in
                try ChildProcess(
                    BuiltProducts.pacslink(),
                    ["--config", user, "--admin-config", admin, "servers", "add", "S\(round)-\(side)",
                     "--ae", "AE\(side)", "--host", "localhost", "--port", String(1000 + round)])
            }
            for child in children { #expect(child.wait(timeout: 30) == 0, "\(child.stderr)") }
        }
        let listing = try json(try pacslink("servers", "list", "--json").stdout)
        let names = Set(try #require(listing["servers"] as? [[String: Any]]).compactMap { $0["name"] as? String })
        let expected = Set((0..<rounds).flatMap { round in ["S\(round)-0", "S\(round)-1"] })
        #expect(expected.isSubset(of: names))
        #expect(names.count == 2 * rounds + 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (user as NSString).deletingLastPathComponent)
        #expect(Set(leftovers) == ["servers.ini", "servers.ini.lock"])
    }
}
