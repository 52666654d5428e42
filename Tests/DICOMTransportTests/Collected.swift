@testable import DICOMTransport

/// Collects values from several threads for assertions.
final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = PThreadLock()
    private var items: [T] = []
    func append(_ item: T) { lock.withLock { items.append(item) } }
    var values: [T] { lock.withLock { items } }
}
