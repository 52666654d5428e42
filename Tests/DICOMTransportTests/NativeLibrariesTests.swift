import Testing
@testable import DICOMTransport

@Suite("Native libraries")
struct NativeLibrariesTests {
    @Test("libuv and OpenSSL are linked and report their versions")
    func versions() {
        #expect(NativeLibraries.libuvVersion.split(separator: ".").count == 3)
        #expect(NativeLibraries.openSSLVersion.hasPrefix("OpenSSL 3"))
    }
}
