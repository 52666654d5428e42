import ArgumentParser
import Foundation
import PACSLink

/// `--flush` and `--io`: how received files are written (`listen`, `retrieve`;
/// docs/retrieve.md, "Flush policy" and "Write mode").
struct StorageWriteOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "fileAndDirectory: fsync each file and its directory before answering (default); none: leave flushing to the kernel.",
        valueName: "POLICY"))
    var flush: FlushPolicy = .fileAndDirectory

    @Option(help: ArgumentHelp(
        "buffered: write through the page cache (default); direct: O_DIRECT, straight to the disk, not cached for readers "
            + "(less CPU; buffered where the file system refuses it).",
        valueName: "MODE"))
    var io: FileWriteMode = .buffered

    /// The store under `root` that writes files this way.
    func store(at root: String) -> InstanceStore {
        InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: root)), flush: flush, mode: io)
    }
}

extension FlushPolicy: ExpressibleByArgument {}
extension FileWriteMode: ExpressibleByArgument {}
