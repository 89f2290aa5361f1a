/// The one-cycle schedule (Smith and Topin, 2018): the rate rises from peak/`startDivisor` to
/// the peak over the first `warmup` share of the steps, then falls to peak/`endDivisor`, far
/// below where it started, at the last step:
///
///     w = warmup · (steps − 1)
///     lr(t) = lo + (peak − lo) · t/w                    for t ≤ w,   lo = peak/startDivisor
///     lr(t) = peak + (end − peak) · (t − w)/(steps − 1 − w)   for t > w,   end = peak/endDivisor
///
/// Unlike lesson 7's cycle, which ends where it began, this one ends two orders of magnitude
/// lower, so the last steps are tiny and settle into the minimum. Steps past the end keep `end`.
public struct OneCycleSchedule: Sendable, Equatable {
    /// The highest rate, reached at step w.
    public var peak: Double
    /// The number of steps t = 0 … steps − 1 the cycle spans.
    public var steps: Int
    /// The share of the steps spent rising (0 < warmup < 1).
    public var warmup: Double
    /// lr(0) = peak/startDivisor; lr(steps − 1) = peak/endDivisor.
    public var startDivisor: Double, endDivisor: Double

    /// A cycle with the usual shape: 30 % rising from peak/10, then falling to peak/1000.
    public init(peak: Double, steps: Int, warmup: Double = 0.3, startDivisor: Double = 10, endDivisor: Double = 1000) {
        precondition(
            peak > 0 && steps >= 1 && warmup > 0 && warmup < 1 && startDivisor >= 1 && endDivisor >= 1,
            "A one-cycle schedule needs peak > 0, steps ≥ 1, 0 < warmup < 1 and divisors ≥ 1")
        self.peak = peak
        self.steps = steps
        self.warmup = warmup
        self.startDivisor = startDivisor
        self.endDivisor = endDivisor
    }

    /// The rate at step t (from 0).
    public func rate(at t: Int) -> Double {
        let low = peak / startDivisor
        let end = peak / endDivisor
        guard steps > 1 else { return peak }
        let last = Double(steps - 1)
        let w = warmup * last
        let x = Double(min(max(t, 0), steps - 1))
        if x <= w { return w > 0 ? low + (peak - low) * x / w : peak }
        return peak + (end - peak) * (x - w) / (last - w)
    }
}
