/// When written files are forced to stable storage before they are reported as stored.
///
/// PACSLink answers a C-STORE with success only after the file has been renamed into place;
/// with `.fileAndDirectory` (the default) it is also durable then, so a crash or power loss
/// right after the answer cannot lose an instance the PACS believes delivered. `.none` leaves
/// flushing to the kernel (as DCMTK's `storescp` does): faster on slow disks, but the last
/// seconds of instances may vanish on power loss. Cost measured in docs/retrieve.md.
public enum FlushPolicy: String, Sendable, Equatable, CaseIterable {
    /// `fsync` the file before the rename and its directory after it.
    case fileAndDirectory
    /// No `fsync`: rename only (still atomic for readers, not durable across a crash).
    case none
}
