import Foundation

/// The course's own random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every random draw in the course goes through this type, never the standard library's
/// generator, whose algorithm may change between Swift versions. The same seed gives the same
/// sequence on every platform.
///
/// - Seeding: the 64-bit seed is expanded into the 256-bit state by four SplitMix64 steps
///   (Steele, Lea & Flood, 2014), as the authors of xoshiro recommend.
/// - Generation: xoshiro256** (Blackman & Vigna, 2018), `result = rotl(s1 · 5, 7) · 9`.
/// - Cost: a handful of shifts and multiplications per draw.
public struct SeededGenerator: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// The seed this generator started from, for printing ("seed 42").
    public let seed: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    // MARK: - Raw bits

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    // MARK: - Uniform draws

    /// A uniform draw in [0, 1): the top 53 bits of `next()` times 2⁻⁵³, so every value is a
    /// multiple of 2⁻⁵³ and all of them are equally likely.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw in [low, high): `low + (high − low) · u` with u from `uniform()`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-and-reject, 2019).
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "index(below:) needs a positive bound, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    // MARK: - Normal draws

    /// A draw from the normal distribution N(mean, standardDeviation²), by the Box–Muller
    /// transform (1958): with u₁ in (0, 1] and u₂ in [0, 1),
    ///
    ///     z = √(−2 ln u₁) · cos(2π u₂),   result = mean + standardDeviation · z
    ///
    /// One pair of uniform draws per call (the sine half is not kept), so the sequence of a
    /// seed never depends on how many normal draws came before in pairs.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - uniform()  // in (0, 1], so the logarithm is finite
        let u2 = uniform()
        let z = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
        return mean + standardDeviation * z
    }

    // MARK: - Shuffles

    /// Shuffles `array` in place by Fisher–Yates (Durstenfeld's form): for i from the end down
    /// to 1, swap element i with a uniformly chosen element in 0...i. Every order is equally likely.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// A shuffled copy of `array` (see `shuffle(_:)`).
    public mutating func shuffled<T>(_ array: [T]) -> [T] {
        var copy = array
        shuffle(&copy)
        return copy
    }
}
