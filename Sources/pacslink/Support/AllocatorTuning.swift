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
/// - One arena for every thread (`M_ARENA_MAX` 1), allocations up to 4 MiB from it
///   (`M_MMAP_THRESHOLD`), and its heap grown by the pad at once with that range advised
///   `MADV_HUGEPAGE`: memory freed by one thread is reused by the next that allocates (a
///   message buffer is made on a pool thread and freed on the loop thread; with glibc's
///   arena per thread each pool thread touched fresh memory), and what is touched first is
///   backed by 2 MiB pages, one fault for 512 pages (on a VM a fault costs microseconds).
///   Measured (`perf stat -r 10`, interleaved): `send` of 200 × 0.5 MB into `listen --discard`
///   11,000 → 1,200 page faults, 105 → 82 ms CPU, about 10 ms less wall; 1,000 small files
///   about the same either way (medians of 40 interleaved runs within 1–2 ms of ~40); the
///   listener's CPU unchanged. One arena without the huge pages cost small sends 6 ms (its
///   lock and faults); glibc's `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` does the huge pages
///   for every arena but can only be set before the process starts. Where transparent huge
///   pages are off (`never`) the advice does nothing.
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
        _ = pacslink_mallopt(pacslink_M_ARENA_MAX, 1)
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
