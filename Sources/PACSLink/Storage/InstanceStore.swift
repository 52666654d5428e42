/// Stores received instances as Part 10 files (PS3.4 Annex B, PS3.10 §7) under a
/// `StorageLayout`: one `InstanceWriter` per C-STORE, fed the data set as it arrives.
///
/// Every call into a writer blocks on file I/O: the association layer runs them on libuv's
/// thread pool (`BlockingWorkPool`), one at a time per writer, never on a loop thread.
public struct InstanceStore: Sendable {
    public let layout: StorageLayout
    public var flush: FlushPolicy
    /// Through the page cache, or straight to the device (`FileWriteMode`).
    public var mode: FileWriteMode
    public var fileSystem: any FileSystem
    /// How many leading data-set bytes may be held while looking for the Study and Series
    /// Instance UIDs that name the directory; past that the store fails (0xC000). Real data
    /// sets have them within a few kilobytes.
    public var maximumIdentityLength: Int

    public init(
        layout: StorageLayout, flush: FlushPolicy = .fileAndDirectory, mode: FileWriteMode = .buffered,
        fileSystem: any FileSystem = POSIXFileSystem(), maximumIdentityLength: Int = 1 << 20
    ) {
        self.layout = layout
        self.flush = flush
        self.mode = mode
        self.fileSystem = fileSystem
        self.maximumIdentityLength = maximumIdentityLength
    }

    /// A writer for one instance whose C-STORE-RQ has arrived.
    public func begin(_ instance: IncomingInstance) -> InstanceWriter {
        InstanceWriter(instance: instance, store: self)
    }
}
