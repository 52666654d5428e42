import DICOMProtocol

/// Seeded random and damaged inputs for decoder robustness tests (a `SeededGenerator`, so that
/// a failure reproduces from its seed).
struct ByteFuzzer: RandomNumberGenerator {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

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
