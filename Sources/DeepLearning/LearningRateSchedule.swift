import Foundation

/// The learning rate to use at each step t = 0, 1, 2, … of training.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The same rate at every step.
    case constant(Double)
    /// One cycle of the cyclical schedule (Smith, 2017, "one cycle" form): the rate rises
    /// linearly from `low` to `high` over the first half of `steps`, then falls linearly back to
    /// `low` over the second half. Steps past the end keep `low`.
    ///
    ///     lr(t) = low + (high − low) · (1 − |2t/steps − 1|)   for 0 ≤ t ≤ steps
    ///
    /// Starting low lets the first, largest gradients settle; the high middle crosses flat
    /// ground quickly; ending low lets the parameters come to rest in the minimum.
    case cyclical(low: Double, high: Double, steps: Int)

    /// The learning rate at step t.
    public func rate(at t: Int) -> Double {
        switch self {
        case .constant(let rate):
            return rate
        case .cyclical(let low, let high, let steps):
            guard steps > 0, t >= 0, t <= steps else { return low }
            let position = Double(t) / Double(steps)  // 0 … 1
            let triangle = 1 - abs(2 * position - 1)  // 0 → 1 → 0
            return low + (high - low) * triangle
        }
    }
}
