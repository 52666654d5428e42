import DICOMProtocol
import Foundation
import PACSLink
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// PS3.4 B.2.3: a store that cannot be completed is refused with the matching status, and no
/// partial file is left. Real file systems where the test may mount them (a 64 KiB tmpfs, a
/// read-only remount; root in a container that allows `mount`), fault injection otherwise and
/// for the failures no test machine produces on demand (EDQUOT, EIO from fsync, a failed rename).
@Suite("Storage: failures leave no partial file")
struct StorageFaultTests {
    @Test("PS3.4 B.2.3 a full file system (real 64 KiB tmpfs): 0xA700, no partial file, the next small store succeeds",
          .enabled(if: ScratchMount.isPermitted, "needs permission to mount a tmpfs"))
    func fullTmpfs() throws {
        let mount = try ScratchMount(size: 64 * 1024)
        let store = InstanceStore(layout: StorageLayout(root: mount.url))
        let big = SampleInstance(sopInstanceUID: "1.2.826.0.1.3680043.2.1.10", pixelBytes: 200_000)
        guard case .failure(let error) = store.store(big.incoming(), try big.encoded(), chunk: 16_384) else {
            Issue.record("200 KB stored on a 64 KiB file system"); return
        }
        #expect(error.kind == .outOfResources)
        #expect(error.status == .outOfResources)
        #expect(error.detail.contains("No space left on device"), "\(error.detail)")
        #expect(files(under: mount.url).isEmpty)
        let small = SampleInstance(pixelBytes: 1000)
        #expect(throws: Never.self) { try store.store(small.incoming(), try small.encoded()).get() }
        #expect(files(under: mount.url).count == 1)
    }

    @Test("PS3.4 B.2.3 a read-only file system (real tmpfs remounted ro): 0xA700 with the reason, nothing written",
          .enabled(if: ScratchMount.isPermitted, "needs permission to mount a tmpfs"))
    func readOnlyTmpfs() throws {
        let mount = try ScratchMount(size: 64 * 1024)
        // One series directory exists already, so both mkdir and file creation are refused.
        try FileManager.default.createDirectory(at: mount.url.appendingPathComponent("RetrievedFiles"), withIntermediateDirectories: true)
        try mount.makeReadOnly()
        let sample = SampleInstance()
        guard case .failure(let error) = InstanceStore(layout: StorageLayout(root: mount.url)).store(sample.incoming(), try sample.encoded()) else {
            Issue.record("stored on a read-only file system"); return
        }
        #expect(error.kind == .notWritable)
        #expect(error.status == .outOfResources)
        #expect(error.detail.contains("Read-only file system"), "\(error.detail)")
        #expect(files(under: mount.url).isEmpty)
    }

    @Test("errno classification (injected): ENOSPC/EDQUOT/EACCES/EROFS → 0xA700, EIO → 0x0110; no partial file", arguments: [
        (FaultyFileSystem.Call.write, ENOSPC, StorageError.Kind.outOfResources),
        (.write, EDQUOT, .outOfResources),
        (.createDirectory, EACCES, .notWritable),
        (.createFile, EROFS, .notWritable),
        (.createFile, EPERM, .notWritable),
        (.synchronize, EIO, .ioFailure),
        (.synchronize, ENOSPC, .outOfResources),
        (.rename, EACCES, .notWritable),
        (.rename, EIO, .ioFailure),
    ])
    func injected(_ call: FaultyFileSystem.Call, _ code: Int32, _ kind: StorageError.Kind) throws {
        let root = try TemporaryDirectory()
        let store = InstanceStore(layout: StorageLayout(root: root.url), fileSystem: FaultyFileSystem(failing: call, code: code))
        let sample = SampleInstance(pixelBytes: 20_000)
        guard case .failure(let error) = store.store(sample.incoming(), try sample.encoded()) else {
            Issue.record("stored despite \(call) failing"); return
        }
        #expect(error.kind == kind)
        #expect(error.status == (kind == .ioFailure ? .processingFailure : .outOfResources))
        #expect(files(under: root.url).isEmpty)
    }

    @Test("A failed replacement keeps the earlier copy of a duplicate intact")
    func failedReplacement() throws {
        let root = try TemporaryDirectory()
        let sample = SampleInstance(pixelBytes: 100)
        let stored = try InstanceStore(layout: StorageLayout(root: root.url)).store(sample.incoming(), try sample.encoded()).get()
        let before = try Data(contentsOf: URL(fileURLWithPath: stored.file))
        let failing = InstanceStore(layout: StorageLayout(root: root.url), fileSystem: FaultyFileSystem(failing: .synchronize, code: EIO))
        let changed = SampleInstance(pixelBytes: 500)
        #expect(throws: StorageError.self) { try failing.store(changed.incoming(), try changed.encoded()).get() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: stored.file)) == before)
        #expect(files(under: root.url).count == 1)
    }
}
