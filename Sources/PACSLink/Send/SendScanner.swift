import DICOMProtocol
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given to `send` into Part 10 files to send (PS3.10 §7.1) and results for
/// the rest: files without the `DICM` prefix are skipped (a folder often holds a README or a
/// DICOMDIR-less viewer), files that cannot be read or whose File Meta Information is broken
/// fail with the reason. Folders are read in name order, their subfolders with `recursive`.
///
/// Blocking I/O: call from a thread that may block, never from an event-loop thread.
public enum SendScanner {
    /// Every path found, in the order found.
    public struct Scan: Sendable {
        public var entries: [Entry] { didSet { split() } }
        /// The files to send (kept apart once, not filtered out of `entries` at every use).
        public private(set) var files: [SendFile] = []
        /// Paths that will not be sent: skipped or failed.
        public private(set) var rejected: [SendFileResult] = []

        public init(entries: [Entry] = []) {
            self.entries = entries
            split()
        }

        private mutating func split() {
            files = []
            rejected = []
            for entry in entries {
                switch entry {
                case .file(let file): files.append(file)
                case .rejected(let result): rejected.append(result)
                }
            }
        }

        /// Where each path was found, to report results in that order.
        public var order: [String: Int] {
            Dictionary(entries.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public static func scan(_ paths: [String], recursive: Bool) -> Scan {
        var walk = Walk(recursive: recursive)
        for path in paths { walk.visit(path, kind: nil, isArgument: true) }
        return Scan(entries: walk.finish())
    }

    /// Files up to this size are read whole by the scan and sent from memory (one `open` and
    /// one `read` per small file in all, instead of two of each).
    public static let preloadLimit = 64 << 10
    /// At most this many bytes of small files are kept from the scan; past it, files are read
    /// again when sent.
    public static let preloadBudget = 32 << 20

    /// One path read: a file to send, or why it will not be sent.
    public enum Entry: Sendable, Hashable {
        case file(SendFile)
        case rejected(SendFileResult)

        public var path: String {
            switch self {
            case .file(let file): file.path
            case .rejected(let result): result.path
            }
        }
    }

    /// Reads one file's header: a `SendFile`, or the reason it cannot be sent. One `open`
    /// and usually one `read` of its first bytes (`StoreMessage` later reads the data set from
    /// the offset found here, without parsing the header again).
    public static func read(_ path: String) -> Entry {
        var budget = preloadBudget
        return read(path, budget: &budget)
    }

    /// `read(_:)`, keeping a small file's data set when it fits in `budget` (then reduced).
    public static func read(_ path: String, budget: inout Int) -> Entry {
        read(path, in: AT_FDCWD, name: nil, budget: &budget)
    }

    /// `read(_:budget:)` of `name` in the folder open as `directory` (`path` is its full path).
    /// `scratch` (at least `preloadLimit + 1` bytes), when given, receives the first read.
    static func read(
        _ path: String, in directory: Int32, name: String?, budget: inout Int,
        scratch: UnsafeMutableRawBufferPointer? = nil
    ) -> Entry {
        let file: (header: Part10Header, size: Int, whole: [UInt8]?)
        do {
            file = try readHeader(path, in: directory, name: name, readWholeUpTo: min(preloadLimit, budget), scratch: scratch)
        } catch {
            return .rejected(SendFileResult(path: path, outcome: error.outcome))
        }
        let meta = file.header.fileMetaInformation
        guard let sopClass = meta?.mediaStorageSOPClassUID, !sopClass.isEmpty else {
            return .rejected(SendFileResult(path: path, outcome: .failed(
                "no Media Storage SOP Class UID (0002,0002) in the File Meta Information")))
        }
        guard let instance = meta?.mediaStorageSOPInstanceUID, !instance.isEmpty else {
            return .rejected(SendFileResult(path: path, outcome: .failed(
                "no Media Storage SOP Instance UID (0002,0003) in the File Meta Information")))
        }
        let preloaded = file.whole.map(PreloadedFile.init)
        budget -= preloaded?.bytes.count ?? 0
        return .file(SendFile(
            path: path, sopClassUID: sopClass, sopInstanceUID: instance, transferSyntax: file.header.transferSyntax,
            dataSetLength: file.size - file.header.dataSetOffset, dataSetOffset: file.header.dataSetOffset,
            preloaded: preloaded))
    }

    /// What a path is, from a folder listing's `d_type` or else `stat` (which follows links).
    private enum Kind { case folder, file, other, missing(Int32) }

    private static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing(errno) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The walk over the paths given: entries in the order found. Plain files are queued and
    /// read when the queue is flushed — by several threads once there are enough of them, so
    /// that many small folders (one per series) are read as fast as one large folder. Queued
    /// files are opened by name in their folder, which stays open until the flush; the queue is
    /// flushed when it holds `queueFolderLimit` folders, and at the end.
    private struct Walk {
        let recursive: Bool
        private var slots: [Entry?] = []
        private var queue: [QueuedRead] = []
        private var folders: [Int32] = []
        private var budget = preloadBudget

        init(recursive: Bool) {
            self.recursive = recursive
        }

        /// A plain file waiting for its read; `folder` is `AT_FDCWD` for a path read as given.
        private struct QueuedRead {
            var slot: Int
            var path: String
            var folder: Int32
            var name: String?
        }

        mutating func finish() -> [Entry] {
            flush()
            return slots.map { $0! }
        }

        mutating func visit(_ path: String, kind known: Kind?, isArgument: Bool) {
            switch known ?? kind(of: path) {
            case .missing(let code):
                let reason = code == ENOENT || code == ENOTDIR ? "no such file or folder" : "cannot be read: \(String(cString: strerror(code)))"
                slots.append(.rejected(SendFileResult(path: path, outcome: .failed(reason))))
            case .other:
                slots.append(.rejected(SendFileResult(path: path, outcome: .skipped("not a regular file or folder"))))
            case .file:
                enqueue(path, folder: AT_FDCWD, name: nil)
            case .folder:
                guard isArgument || recursive else {
                    slots.append(.rejected(SendFileResult(path: path, outcome: .skipped("a folder inside a folder (use --recursive)"))))
                    return
                }
                let listing: [ListedEntry]
                do {
                    listing = try list(path)
                } catch {
                    slots.append(.rejected(SendFileResult(path: path, outcome: .failed(
                        "cannot list the folder: \(String(cString: strerror(error.code)))"))))
                    return
                }
                let base = path.hasSuffix("/") ? path : path + "/"
                // Files are opened by name in the open folder, or by path when it cannot be opened.
                let folder = listing.contains(where: \.isPlainFile) ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
                if folder >= 0 { folders.append(folder) }
                for entry in listing {
                    if entry.isPlainFile {
                        enqueue(base + entry.name, folder: folder >= 0 ? folder : AT_FDCWD, name: folder >= 0 ? entry.name : nil)
                    } else {
                        visit(base + entry.name, kind: entry.kind, isArgument: false)
                    }
                }
                if folders.count >= queueFolderLimit { flush() }
            }
        }

        private mutating func enqueue(_ path: String, folder: Int32, name: String?) {
            queue.append(QueuedRead(slot: slots.count, path: path, folder: folder, name: name))
            slots.append(nil)
        }

        /// Reads what is queued: on up to four threads when there are at least
        /// `parallelReadThreshold` files (each thread with its share of the memory budget),
        /// else on this one; then closes the folders.
        private mutating func flush() {
            defer {
                for folder in folders { close(folder) }
                folders = []
                queue = []
            }
            guard !queue.isEmpty else { return }
            let queue = self.queue
            let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let workers = queue.count < parallelReadThreshold ? 1 : max(1, min(4, cores, queue.count / (parallelReadThreshold / 2)))
            let share = budget / workers
            let results = ParallelResults(count: queue.count, workers: workers)
            let slice = (queue.count + workers - 1) / workers
            @Sendable func work(_ worker: Int) {
                let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: preloadLimit + 1, alignment: 16)
                defer { scratch.deallocate() }
                var left = share
                for index in worker * slice..<min(queue.count, (worker + 1) * slice) {
                    let job = queue[index]
                    results.store(read(job.path, in: job.folder, name: job.name, budget: &left, scratch: scratch), at: index)
                }
                results.setUnspent(left, worker: worker)
            }
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
            }
            budget -= share * workers - results.unspent
            for (job, entry) in zip(queue, results.entries) { slots[job.slot] = entry }
        }
    }

    /// At least this many queued files are read by several threads.
    static let parallelReadThreshold = 64
    /// Folders held open (one descriptor each) before the queue is read.
    static let queueFolderLimit = 64

    /// Where `Walk.flush`'s workers put their entries: each slot is written by one worker only,
    /// through memory allocated once (no Swift array is mutated from two threads), and read
    /// after `concurrentPerform` returns.
    private final class ParallelResults: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Entry?>
        private let unspentByWorker: UnsafeMutableBufferPointer<Int>

        init(count: Int, workers: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
            unspentByWorker = .allocate(capacity: workers)
            unspentByWorker.initialize(repeating: 0)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
            unspentByWorker.deallocate()
        }

        func store(_ entry: Entry, at index: Int) {
            slots[index] = entry
        }

        func setUnspent(_ bytes: Int, worker: Int) {
            unspentByWorker[worker] = bytes
        }

        var entries: [Entry] { slots.map { $0! } }
        var unspent: Int { unspentByWorker.reduce(0, +) }
    }

    private struct ListingError: Error { var code: Int32 }

    /// One name in a folder and, when the listing said, what it is.
    private struct ListedEntry {
        var name: String
        var kind: Kind?

        var isPlainFile: Bool {
            if case .file? = kind { true } else { false }
        }
    }

    /// A folder's entries but `.` and `..`, by name, each with its kind when the listing tells
    /// it (`d_type`; links and file systems that do not say are `stat`ed when visited) — no
    /// `stat` per file for a folder of plain files.
    private static func list(_ path: String) throws(ListingError) -> [ListedEntry] {
        guard let directory = opendir(path) else { throw ListingError(code: errno) }
        defer { closedir(directory) }
        var entries: [ListedEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw ListingError(code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let kind: Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK), Int32(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            entries.append(ListedEntry(name: name, kind: kind))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Bytes read first: File Meta Information is rarely longer (a longer one costs more reads).
    static let headerReadLength = 4096

    /// The File Meta Information (PS3.10 §7.1) and the file's size; a skip when the file does
    /// not start like a Part 10 file (preamble and `DICM`), a failure when it cannot be read or
    /// its header is broken. A file of at most `wholeLimit` bytes comes whole from one read
    /// (which also tells its size: no `fstat`) and is returned whole too. `name` is opened in
    /// the folder open as `directory` when given (no path walk per file).
    private static func readHeader(
        _ path: String, in directory: Int32 = AT_FDCWD, name: String? = nil, readWholeUpTo wholeLimit: Int,
        scratch: UnsafeMutableRawBufferPointer? = nil
    ) throws(Rejection) -> (Part10Header, size: Int, whole: [UInt8]?) {
        let descriptor = openat(directory, name ?? path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Rejection(cannotRead(errno)) }
        defer { close(descriptor) }
        var head: [UInt8]
        let size: Int
        if wholeLimit > 0 {
            head = try readStart(descriptor, count: wholeLimit + 1, scratch: scratch)
            if head.count <= wholeLimit {
                guard let header = try parseHeader(head, endOfInput: true, path: path) else {
                    throw Rejection(.failed("the File Meta Information is incomplete"))
                }
                return (header, head.count, head)
            }
            size = try sizeOf(descriptor)
        } else {
            size = try sizeOf(descriptor)
            head = try read(descriptor, at: 0, count: min(headerReadLength, size))
        }
        while true {
            let endOfInput = head.count >= size
            if let header = try parseHeader(head, endOfInput: endOfInput, path: path) { return (header, size, nil) }
            if endOfInput { throw Rejection(.failed("the File Meta Information is incomplete")) }
            let more = try read(descriptor, at: head.count, count: min(head.count, size - head.count))
            if more.isEmpty { throw Rejection(.failed("the File Meta Information is incomplete")) }
            head += more
        }
    }

    /// The header in `head`, `nil` when more bytes are needed; skips what is not Part 10.
    private static func parseHeader(_ head: [UInt8], endOfInput: Bool, path: String) throws(Rejection) -> Part10Header? {
        let prefixRange = FileMetaInformation.preambleLength..<FileMetaInformation.elementsOffset
        guard head.count >= FileMetaInformation.elementsOffset || !endOfInput else { throw Rejection(notPart10) }
        if head.count >= FileMetaInformation.elementsOffset, !head[prefixRange].elementsEqual(FileMetaInformation.prefix) {
            throw Rejection(notPart10)
        }
        do {
            return try Part10Header.parse(head[...], endOfInput: endOfInput)
        } catch {
            throw Rejection(.failed(FileError(path: path, error, base: 0).detailWithOffset))
        }
    }

    /// Up to `count` bytes from the start of the file, read into `scratch` (memory a scanning
    /// thread reuses for every file; a buffer made for this call when there is none) and
    /// copied out at the size read, so a kept file holds no spare capacity.
    private static func readStart(
        _ descriptor: Int32, count: Int, scratch: UnsafeMutableRawBufferPointer?
    ) throws(Rejection) -> [UInt8] {
        let reused = scratch.flatMap { $0.count >= count ? $0 : nil }
        let buffer = reused ?? .allocate(byteCount: count, alignment: 16)
        defer { if reused == nil { buffer.deallocate() } }
        let read: Int
        do {
            read = try PositionalRead.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), from: descriptor, at: 0)
        } catch {
            throw Rejection(cannotRead(error.code))
        }
        return Array(UnsafeRawBufferPointer(rebasing: buffer[..<read]))
    }

    /// Up to `count` bytes at `offset`; fewer only at the end of the file.
    private static func read(_ descriptor: Int32, at offset: Int, count: Int) throws(Rejection) -> [UInt8] {
        do {
            return try PositionalRead.bytes(count, from: descriptor, at: offset)
        } catch {
            throw Rejection(cannotRead(error.code))
        }
    }

    private static func sizeOf(_ descriptor: Int32) throws(Rejection) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Rejection(cannotRead(errno)) }
        return Int(status.st_size)
    }

    private static func cannotRead(_ code: Int32) -> SendFileResult.Outcome {
        .failed("cannot be read: \(String(cString: strerror(code)))")
    }

    /// Why a path is not sent.
    private struct Rejection: Error {
        var outcome: SendFileResult.Outcome
        init(_ outcome: SendFileResult.Outcome) { self.outcome = outcome }
    }

    private static let notPart10 = SendFileResult.Outcome.skipped(
        "not a DICOM Part 10 file (no \"DICM\" after a 128-byte preamble, PS3.10 §7.1)")
}

extension FileError {
    /// The error without the path (results are listed by path already).
    var detailWithOffset: String { offset.map { "at byte \($0): \(detail)" } ?? detail }
}
