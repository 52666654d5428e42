#if canImport(Glibc)
import CPACSLinkShims
import Glibc
#endif

/// Process-wide tuning of glibc's allocator, applied before anything else runs.
///
/// - `M_TOP_PAD` of 64 MiB: when the heap must grow, glibc asks for 64 MiB more instead of
///   128 KiB. Growing a heap is an `mprotect`/`brk` that takes the address-space lock every
///   other thread's page fault needs; with the default, `pacslink send` of 1,000 small files
///   spent about a quarter of its CPU in those calls and the faults waiting behind them: 60 →
///   40 ms wall, 68 → 42 ms CPU (`perf stat -r 15`, one association into `listen --discard`).
/// - Allocations up to 4 MiB from the heap (`M_MMAP_THRESHOLD`), and the main heap grown by
///   the pad at once with that range advised `MADV_HUGEPAGE`: what the main thread allocates
///   lands on memory backed by 2 MiB pages, one fault for 512 pages (on a VM a fault costs
///   microseconds). Where transparent huge pages are off (`never`) the advice does nothing.
///   Measured on `send` of 1,000 small files into `listen --discard` (interleaved runs, median
///   of 40): about 2 ms less wall of ~40, 1.5 ms less CPU. glibc's own
///   `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (every arena) cut page faults 2,950 → 850 but can
///   only be set before the process starts. One arena for all threads (`M_ARENA_MAX` 1, so
///   that theirs land on the huge pages too) was tried and dropped: with the huge pages it
///   gained nothing more, without them it cost 6 ms (the arena's lock).
///
/// The padding is address space, not memory: pages are backed when touched, and resident size
/// grows by at most the huge pages touched.
enum AllocatorTuning {
    static let topPad: Int32 = 64 << 20
    static let mmapThreshold: Int32 = 4 << 20
    static let hugePage: UInt = 2 << 20

    static func apply() {
        #if canImport(Glibc)
        _ = pacslink_mallopt(pacslink_M_TOP_PAD, topPad)
        _ = pacslink_mallopt(pacslink_M_MMAP_THRESHOLD, mmapThreshold)
        // A block larger than what is left of the heap grows it by the pad now; the range from
        // the block to the heap's end is what the advice covers.
        guard let probe = malloc(1 << 20) else { return }
        let end = UInt(bitPattern: pacslink_heap_end())
        let start = (UInt(bitPattern: probe) + hugePage - 1) & ~(hugePage - 1)
        if end > start, let base = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(base, Int(end - start), MADV_HUGEPAGE)
        }
        free(probe)
        #endif
    }
}
