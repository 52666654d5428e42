import Testing
@testable import PACSLink

/// Changes to the user's file keep what users wrote by hand.
@Suite("Registry ini editor")
struct RegistryIniEditorTests {
    let original = """
        ; my servers — hand-written notes
        [local]
        ae_title = ME   ; our title

        # the lab machine
        [server "Lab"]
        AE_Title = LAB          ; called AE
        host = lab.example      # bench 3
        port = 104
        verify_certificate = yes  ; spelled out on purpose
        tls = on

        ; the archive comes next
        [server "Archive"]
        ae_title = ARCH
        host = 10.0.0.9
        port = 11112

        """

    /// Applies `change` to the parsed original and returns the edited text.
    private func edited(_ change: (inout ServersFile) throws -> Void) throws -> String {
        let file = try ServersFile(parsing: original, file: "u.ini", layer: .user)
        var changed = file
        try change(&changed)
        let text = try changed.text(editing: original, original: file, file: "u.ini")
        // What was written reads back to what was meant.
        let reread = try ServersFile(parsing: text, file: "u.ini", layer: .user)
        #expect(reread.servers == changed.servers)
        #expect(reread.local.map(\.value) == changed.local.map(\.value))
        return text
    }

    @Test("nothing changed: the text is kept byte for byte")
    func unchanged() throws {
        #expect(try edited { _ in } == original)
    }

    @Test("an edited value is replaced in its line, keeping the key's spelling and its comment")
    func editValue() throws {
        let text = try edited { file in
            try file.servers[0].apply([("ae_title", "LAB2"), ("verify_certificate", "no"), ("port", "4242")])
        }
        #expect(text == original
            .replacingOccurrences(of: "AE_Title = LAB          ;", with: "AE_Title = LAB2          ;")
            .replacingOccurrences(of: "verify_certificate = yes  ;", with: "verify_certificate = no  ;")
            .replacingOccurrences(of: "port = 104", with: "port = 4242"))
    }

    @Test("a value back to its default loses its line; a new key goes after the section's last entry")
    func removeAndInsertKeys() throws {
        let text = try edited { file in
            try file.servers[0].apply([("tls", "no"), ("description", " bench ; 3 ")])
        }
        #expect(!text.contains("tls = on"))
        #expect(text.contains("verify_certificate = yes  ; spelled out on purpose\ndescription = \" bench ; 3 \"\n\n; the archive"))
    }

    @Test("adding and removing servers and local keys keeps every other line")
    func sections() throws {
        let text = try edited { file in
            file.servers.remove(at: 0)
            file.servers.append(try ServerEntry(name: "New", settings: [("ae_title", "NEW"), ("host", "::1"), ("port", "1")]))
            file.local.append(("receive_port", "4242"))
        }
        #expect(text == """
            ; my servers — hand-written notes
            [local]
            ae_title = ME   ; our title
            receive_port = 4242

            # the lab machine

            ; the archive comes next
            [server "Archive"]
            ae_title = ARCH
            host = 10.0.0.9
            port = 11112

            [server "New"]
            ae_title = NEW
            host = ::1
            port = 1

            """)
    }

    @Test("a quoted value is replaced whole, and a [local] section is added when missing")
    func quotedAndMissingLocal() throws {
        let source = "[server \"S\"]\nae_title = A\nhost = h\nport = 1\ndescription = \"a ; b\" ; note\n"
        let file = try ServersFile(parsing: source, file: "u.ini", layer: .user)
        var changed = file
        try changed.servers[0].set("description", "plain")
        changed.local = [("ae_title", "ME")]
        let text = try changed.text(editing: source, original: file, file: "u.ini")
        #expect(text == "[server \"S\"]\nae_title = A\nhost = h\nport = 1\ndescription = plain ; note\n\n[local]\nae_title = ME\n")
    }
}
