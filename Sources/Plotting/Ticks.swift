import Foundation

/// "Nice" tick values for an axis from `low` to `high`: multiples of 1, 2 or 5 times a power of
/// ten, covering the whole range, about `count` of them.
///
/// The step is the rough step (high − low)/(count − 1) rounded to 1, 2, 5 or 10 × 10ᵏ; the
/// ticks run from ⌊low/step⌋·step to ⌈high/step⌉·step, so the axis may reach a little past the
/// data. Ticks are computed as whole multiples of the step, so 0.1 + 0.2 rounding cannot creep in.
/// A zero-width range is widened around its value first.
public func niceTicks(low: Double, high: Double, count: Int = 5) -> [Double] {
    precondition(low.isFinite && high.isFinite, "Ticks need a finite range, got \(low)…\(high)")
    var (low, high) = (min(low, high), max(low, high))
    if high - low < 1e-12 * max(1, abs(low)) {
        let pad = low == 0 ? 1 : abs(low) * 0.1
        (low, high) = (low - pad, high + pad)
    }
    let step = niceStep(for: (high - low) / Double(max(count - 1, 1)))
    let first = (low / step + 1e-9).rounded(.down)
    let last = (high / step - 1e-9).rounded(.up)
    return stride(from: first, through: last, by: 1).map { ($0 * step) == 0 ? 0 : $0 * step }
}

/// The rough step rounded to 1, 2, 5 or 10 times a power of ten.
func niceStep(for rough: Double) -> Double {
    let magnitude = pow(10, (log10(rough)).rounded(.down))
    let residual = rough / magnitude
    let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
    return nice * magnitude
}

/// How many decimals the labels of ticks `step` apart need so that neighbours differ
/// (0 for a step of 5, 1 for 0.5, 3 for 0.002).
public func tickDecimals(step: Double) -> Int {
    guard step > 0, step.isFinite else { return 0 }
    return max(0, -Int((log10(step) + 1e-9).rounded(.down)))
}

/// About `count` nice ticks (multiples of 1, 2 or 5 × 10ᵏ) that lie inside `range`: the step is
/// the rough step (high − low)/(count − 1) rounded to a nice one, and the ticks run from
/// ⌈low/step⌉·step to ⌊high/step⌋·step.
public func ticksInside(_ range: ClosedRange<Double>, count: Int = 6) -> [Double] {
    let (low, high) = (range.lowerBound, range.upperBound)
    precondition(
        low.isFinite && high.isFinite && high > low, "Ticks need a finite, non-empty range, got \(low)…\(high)")
    let step = niceStep(for: (high - low) / Double(max(count - 1, 1)))
    let first = (low / step - 1e-9).rounded(.up)
    let last = (high / step + 1e-9).rounded(.down)
    guard first <= last else { return [(low + high) / 2] }
    return stride(from: first, through: last, by: 1).map { ($0 * step) == 0 ? 0 : $0 * step }
}
