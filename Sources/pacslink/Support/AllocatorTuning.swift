#if canImport(Glibc)
import CPACSLinkShims
#endif

/// Process-wide tuning of glibc's allocator, applied before anything else runs.
///
/// `M_TOP_PAD` of 64 MiB: when a heap must grow, glibc asks for 64 MiB more instead of 128 KiB.
/// Growing a thread's heap is an `mprotect` that takes the address-space lock every other
/// thread's page fault needs; with the default, `pacslink send` of 1,000 small files (scan
/// threads, loop threads and readers allocating at once) spent about a quarter of its CPU in
/// those calls and the faults waiting behind them: 60 → 40 ms wall, 68 → 42 ms CPU
/// (`perf stat -r 15`, one association into `listen --discard`). The padding is address space,
/// not memory: pages are only backed when touched, so the resident size does not change.
enum AllocatorTuning {
    static let topPad: Int32 = 64 << 20

    static func apply() {
        #if canImport(Glibc)
        _ = pacslink_malloc_set_top_pad(topPad)
        #endif
    }
}
