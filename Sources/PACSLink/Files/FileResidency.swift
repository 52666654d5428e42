#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a file's bytes are in the page cache, so that reading them will not wait for the
/// disk: `mincore(2)` on a mapping of the range (mapping a file reads nothing and faults nothing
/// in). Used before giving the event loop file spans to send (`sendfile` on a loop thread must
/// not block).
enum FileResidency {
    static func isResident(_ descriptor: Int32, offset: Int, count: Int) -> Bool {
        guard count > 0 else { return true }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset / page * page
        let length = offset + count - start
        guard let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, off_t(start)),
              mapping != MAP_FAILED else { return false }
        defer { munmap(mapping, length) }
        let pages = (length + page - 1) / page
        var vector = [UInt8](repeating: 0, count: pages)
        guard mincore(mapping, length, &vector) == 0 else { return false }
        return vector.allSatisfy { $0 & 1 != 0 }
    }
}
