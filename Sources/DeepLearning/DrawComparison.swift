/// Whether one random result is ordinary or rare among many results drawn the same way.
public enum DrawVerdict: Sendable, Equatable {
    /// At least 1 draw in 20 lies as far from the mean or farther.
    case typical
    /// Fewer than 1 draw in 20 lies as far from the mean, and this one lies above it.
    case unusuallyHigh
    /// Fewer than 1 draw in 20 lies as far from the mean, and this one lies below it.
    case unusuallyLow
}

/// Where one value falls among many draws of the same random quantity (for example the loss of
/// a line on 50 freshly drawn points): the draws' mean x̄ and standard deviation s, the value's
/// standard score z = (value − x̄) / s, and how many draws lie at least as far from x̄ as the
/// value does, on either side.
public struct DrawComparison: Sendable, Equatable {
    /// The value being judged.
    public let value: Double
    /// The mean of the draws, x̄.
    public let mean: Double
    /// The sample standard deviation of the draws, s.
    public let standardDeviation: Double
    /// z = (value − x̄) / s: how many standard deviations the value lies from the mean (0 when
    /// every draw is the same).
    public let standardScore: Double
    /// How many draws d have |d − x̄| ≥ |value − x̄|.
    public let atLeastAsFar: Int
    /// How many draws there were.
    public let drawCount: Int

    /// Compares `value` with `draws` (at least two of them).
    public init(value: Double, draws: [Double]) {
        precondition(draws.count >= 2, "Comparing with draws needs at least two draws, got \(draws.count)")
        let center = DeepLearning.mean(draws)
        let spread = DeepLearning.standardDeviation(draws)
        let distance = abs(value - center)
        self.value = value
        self.mean = center
        self.standardDeviation = spread
        self.standardScore = spread > 0 ? (value - center) / spread : 0
        self.atLeastAsFar = draws.filter { abs($0 - center) >= distance }.count
        self.drawCount = draws.count
    }

    /// The rule: the value is unusual when fewer than 1 in 20 of the draws (5 %) lie at least as
    /// far from the mean as it does, that is when 20 · atLeastAsFar < drawCount; high or low by
    /// its side of the mean. Counting draws instead of trusting z works for skewed spreads too.
    public var verdict: DrawVerdict {
        guard 20 * atLeastAsFar < drawCount else { return .typical }
        return value > mean ? .unusuallyHigh : .unusuallyLow
    }
}
