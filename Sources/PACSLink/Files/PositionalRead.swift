#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pread(2)` until a buffer is full or the file ends, retried on `EINTR`: what the send scan
/// and `StoreMessage` read files with (no file position shared between threads).
enum PositionalRead {
    /// A read that failed: its `errno`.
    struct Failure: Error {
        var code: Int32
    }

    /// Fills `buffer` from `offset` of `descriptor`; fewer bytes only at the end of the file.
    /// Returns how many were read.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) throws(Failure) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n > 0 {
                filled += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw Failure(code: errno)
            }
        }
        return filled
    }

    /// Up to `count` bytes from `offset` of `descriptor`; fewer only at the end of the file.
    static func bytes(_ count: Int, from descriptor: Int32, at offset: Int) throws(Failure) -> [UInt8] {
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            do throws(Failure) {
                initialized = try fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor, at: offset)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return bytes
    }
}
