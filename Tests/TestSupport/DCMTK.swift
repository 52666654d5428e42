import Foundation

/// Locates DCMTK's command-line tools. Tests call them by full path (pynetdicom installs
/// commands with the same names that can come first on PATH) and fail loudly when one is
/// missing: a skipped interop test must never count as a passing one.
public enum DCMTK {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "DCMTK tool \(path) is missing: install it with `apt-get install -y dcmtk` (scripts/install-deps.sh does)"
        }
    }

    /// The full path of a DCMTK tool such as `storescp`, or a thrown `Missing`.
    public static func tool(_ name: String) throws -> String {
        let path = "/usr/bin/\(name)"
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        return path
    }
}

/// Paths of things the build produced.
public enum BuiltProducts {
    /// The directory holding the test bundle, and so every product of the same build.
    public static var directory: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test runner is `<build>/PACSLinkPackageTests.xctest`, a plain executable.
        if url.pathExtension == "xctest" { url = url.deletingLastPathComponent() }
        return url
    }

    /// The `pacslink` executable built alongside the tests (`swift build` builds it first).
    public static func pacslink() throws -> String {
        if let env = ProcessInfo.processInfo.environment["PACSLINK_BIN"] { return env }
        let path = directory.appendingPathComponent("pacslink").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw DCMTK.Missing(path: path + " (run `swift build` before `swift test`)")
        }
        return path
    }
}
