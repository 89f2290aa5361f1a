import Foundation

/// The learning rate to use at each step t = 0, 1, 2, … of training.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The same rate at every step.
    case constant(Double)
    /// One cycle of the cyclical schedule (Smith, 2017, "one cycle" form): the rate rises
    /// linearly from `low` to `high` over the first half of `steps`, then falls linearly back to
    /// `low` over the second half. Steps past the end keep `low`.
    ///
    ///     x(t)  = 1 − |2t/steps − 1| = 2·min(t, steps − t)/steps     (0 → 1 → 0)
    ///     lr(t) = (1 − x)·low + x·high                               for 0 ≤ t ≤ steps
    ///
    /// Starting low lets the first, largest gradients settle; the high middle crosses flat
    /// ground quickly; ending low lets the parameters come to rest in the minimum.
    ///
    /// Computed from min(t, steps − t), steps the same distance from either end get the very same
    /// rate, and the ends and the middle give `low` and `high` exactly. (Computed as
    /// 1 − |2t/steps − 1|, the two middle steps of 7 differed in their last bits.)
    case cyclical(low: Double, high: Double, steps: Int)

    /// The learning rate at step t.
    public func rate(at t: Int) -> Double {
        switch self {
        case .constant(let rate):
            return rate
        case .cyclical(let low, let high, let steps):
            guard steps > 0, t >= 0, t <= steps else { return low }
            let x = Double(2 * min(t, steps - t)) / Double(steps)  // 0 → 1 → 0
            return (1 - x) * low + x * high
        }
    }
}
