/// Seeded random and damaged inputs for decoder robustness tests: a SplitMix64 generator
/// (small and fast, so that a failure reproduces from its seed).
struct ByteFuzzer: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// `base` cut at a random length, with a few random bytes overwritten.
    mutating func mutated(_ base: [UInt8]) -> [UInt8] {
        var out = Array(base.prefix(Int.random(in: 0...base.count, using: &self)))
        guard !out.isEmpty else { return out }
        for _ in 0..<Int.random(in: 0...3, using: &self) {
            out[Int.random(in: 0..<out.count, using: &self)] = UInt8(truncatingIfNeeded: next())
        }
        return out
    }
}
