import Foundation

/// A fresh directory under the system temporary directory, removed when the value is
/// released unless `keep()` was called.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    private var removeOnDeinit = true

    public init(prefix: String = "pacslink-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func keep() { removeOnDeinit = false }

    deinit {
        if removeOnDeinit { try? FileManager.default.removeItem(at: url) }
    }
}
