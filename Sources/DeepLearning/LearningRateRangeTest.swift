import Foundation

/// The learning-rate range test (Smith, 2017): one short run whose rate grows geometrically at
/// every batch, from far too small to far too big, recording each batch's loss. Plotted against
/// log(rate) the loss first stays flat (steps too small to matter), then falls, then turns up
/// (steps too big). A good rate lies on the falling part, before the turn.
public struct LearningRateRangeTest: Sendable, Equatable {
    /// The rates tried, one per batch: lr_k = low · (high/low)^(k/(n − 1)), k = 0 … n − 1.
    public static func rates(from low: Double, to high: Double, count n: Int) -> [Double] {
        precondition(
            low > 0 && high > low && n >= 2,
            "The range test needs 0 < low < high and at least 2 rates, got \(low), \(high), \(n)")
        return (0..<n).map { low * pow(high / low, Double($0) / Double(n - 1)) }
    }

    /// The share of the running average kept at each batch when smoothing the losses.
    public static let smoothing = 0.9
    /// The smoothed loss "turns up" once it is this many times its lowest value so far.
    public static let turnFactor = 1.5
    /// The pick is the rate at the lowest smoothed loss divided by this.
    public static let pickDivisor = 10.0

    /// The rates and the raw batch losses (each measured before its batch's update).
    public var rates: [Double], losses: [Double]
    /// The losses smoothed by a bias-corrected running average (batch losses are noisy):
    /// a_k = β·a_{k−1} + (1 − β)·loss_k, a₋₁ = 0, smoothed_k = a_k/(1 − β^(k+1)), β = `smoothing`.
    public var smoothed: [Double]
    /// Index of the lowest smoothed loss (among the finite ones before the turn, if any).
    public var lowest: Int
    /// The first index where the smoothed loss is above `turnFactor` × its lowest value before
    /// it (or not finite), nil if it never turns up inside the range.
    public var turn: Int?

    /// Reads a range test's losses. The rule, stated so a lesson can print it:
    ///
    ///     smooth the losses;  lowest = argmin of the smoothed loss before it turns up;
    ///     pick = rate at lowest / 10
    ///
    /// The rate at the lowest smoothed loss is already at the edge (the next batches make it
    /// worse), so the pick backs off by a factor of ten, onto the falling part of the curve.
    public init(rates: [Double], losses: [Double]) {
        precondition(
            rates.count == losses.count && !rates.isEmpty,
            "Need one loss per rate, got \(rates.count) rates and \(losses.count) losses")
        self.rates = rates
        self.losses = losses
        var average = 0.0
        var smoothed: [Double] = []
        for (k, loss) in losses.enumerated() {
            average = Self.smoothing * average + (1 - Self.smoothing) * loss
            smoothed.append(average / (1 - pow(Self.smoothing, Double(k + 1))))
        }
        self.smoothed = smoothed
        var lowest = 0
        var turn: Int?
        for k in smoothed.indices {
            if !smoothed[k].isFinite || smoothed[k] > Self.turnFactor * smoothed[lowest] {
                turn = k
                break
            }
            if smoothed[k] < smoothed[lowest] { lowest = k }
        }
        self.lowest = lowest
        self.turn = turn
    }

    /// The rate at the lowest smoothed loss.
    public var rateAtLowest: Double { rates[lowest] }
    /// The picked rate: rate at the lowest smoothed loss / `pickDivisor`.
    public var pickedRate: Double { rateAtLowest / Self.pickDivisor }
    /// Whether the loss turned up inside the range. If not, see `lowestIsNearTheEnd`: a lowest
    /// point near the range's end says a wider range might find larger good rates; one earlier
    /// says the loss stopped falling without blowing up, and the range gives no clear turn.
    public var turnsUp: Bool { turn != nil }
    /// Whether the lowest smoothed loss lies in the last tenth of the range:
    ///
    ///     lowest ≥ ⌊9n/10⌋   for n rates
    public var lowestIsNearTheEnd: Bool { lowest >= smoothed.count * 9 / 10 }
}
