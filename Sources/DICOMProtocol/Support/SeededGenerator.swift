/// A deterministic random number generator (SplitMix64, Steele et al. 2014): the same seed
/// gives the same sequence on every platform, which `SyntheticStudies` relies on so that a
/// seed names a whole archive (patients, UIDs, pixel values) reproducibly, and decoder
/// robustness tests rely on so that a failure reproduces from its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one entity of a seeded archive: the same `seed` and `path` (e.g. study
    /// and series indices) always give the same stream, independent of the other entities.
    public init(seed: UInt64, path: [Int]) {
        var mixer = SeededGenerator(seed: seed)
        for component in path {
            mixer = SeededGenerator(seed: mixer.next() ^ UInt64(truncatingIfNeeded: component) &* 0x9E37_79B9_7F4A_7C15)
        }
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
