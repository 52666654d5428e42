import CLibUV
import COpenSSL

/// Versions of the C libraries this build runs on, for `pacslink --version` and bug reports.
public enum NativeLibraries {
    /// libuv's version string, e.g. "1.44.2".
    public static var libuvVersion: String { String(cString: uv_version_string()) }
    /// OpenSSL's version string, e.g. "OpenSSL 3.0.19 27 Jan 2026".
    public static var openSSLVersion: String { String(cString: OpenSSL_version(OPENSSL_VERSION)) }
}
