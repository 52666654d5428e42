/// How a written file's bytes travel to the disk.
///
/// `.buffered` (the default) writes through the kernel's page cache, as `storescp` does: the
/// file is in memory afterwards, for whoever reads it next, and reaches the disk when the
/// kernel writes it back (or at the `fsync` of `FlushPolicy.fileAndDirectory`). `.direct`
/// opens the file with `O_DIRECT`: the bytes go from an aligned staging buffer straight to the
/// device, without a page-cache copy — for a receiver archiving more than it will read back
/// soon (a headless retrieve listener). It costs less CPU than a buffered write (190–300
/// against 310–1,260 µs per 0.5 MB file here, the latter depending on the memory the page
/// cache takes) and makes the `fsync` of `.fileAndDirectory` cheap (no dirty pages left), but
/// every write waits for the device, and the file is not cached for a reader. Measured in docs/retrieve.md and Benchmarks/README.md.
/// Where the file system refuses `O_DIRECT` (`EINVAL`, e.g. some tmpfs), the file is written
/// buffered.
public enum FileWriteMode: String, Sendable, Equatable, CaseIterable {
    /// Through the page cache.
    case buffered
    /// `O_DIRECT` in aligned blocks; the last partial block through the page cache.
    case direct
}
