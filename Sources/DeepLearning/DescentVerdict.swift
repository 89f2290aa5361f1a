/// What a run of gradient descent did, read from its numbers, so a lesson can say it in words
/// that its own table cannot contradict.
public enum DescentVerdict: Equatable, Sendable {
    /// Stopped early: the loss stopped being a finite number or passed `divergenceFactor` × its
    /// start, first seen after `step` steps.
    case diverged(step: Int)
    /// Ran to the end, but its last loss is above the lowest loss it had reached: the loss is
    /// going up again. On a quadratic bowl the loss of a stable rate (lr < 2/λ_max) falls at
    /// every step, so a rising loss means the rate is too big.
    case climbing(lowest: Double, atStep: Int)
    /// Ended within the tolerance of the lowest possible loss. `zigzagging` when a parameter
    /// was still jumping from one side of its best value to the other at every recent step.
    case converged(zigzagging: Bool)
    /// Still above the tolerance, jumping from side to side of the best value at every step.
    case bouncing
    /// Still above the tolerance, going down without crossing over.
    case crawling

    /// True for `.converged`, zigzagging or not.
    public var hasConverged: Bool {
        if case .converged = self { return true }
        return false
    }

    /// True for `.diverged` and `.climbing`: the rate is too big for these points.
    public var isUnstable: Bool {
        switch self {
        case .diverged, .climbing: return true
        default: return false
        }
    }
}

/// Whether a loss is within a relative `tolerance` of the lowest possible loss:
///
///     loss − lowest ≤ tolerance · max(lowest, 10⁻⁶)
///
/// (the floor 10⁻⁶ keeps the test meaningful when the lowest loss is 0, as for a line through
/// two points).
public func isWithin(_ tolerance: Double, ofLowest lowest: Double, loss: Double) -> Bool {
    loss - lowest <= tolerance * max(lowest, 1e-6)
}

/// Reads a run's verdict from its numbers, in this order:
///
/// 1. stopped early → `.diverged`;
/// 2. last loss > (1 + 10⁻⁹) × the smallest loss of the run + 10⁻¹² × the starting loss →
///    `.climbing` (the last term is rounding noise: a line through two points ends at a loss of
///    about 10⁻³⁰ whose last digits jitter from step to step);
/// 3. last loss within `tolerance` of `lowestLoss` (see `isWithin`) → `.converged`, zigzagging if
///    `alternates`;
/// 4. otherwise `.bouncing` if `alternates`, else `.crawling`.
///
/// `alternates` says whether the run zigzagged at every one of its last steps: a parameter
/// crossing its best value (`DescentHistory.alternates(parameter:around:lastSteps:)`), or for a
/// line fit the run crossing the floor of the loss's valley
/// (`DescentHistory.zigzagsAcrossValley(_:bottom:lastSteps:)`).
public func descentVerdict(
    losses: [Double], outcome: DescentOutcome, lowestLoss: Double,
    alternates: Bool, tolerance: Double = 0.01
) -> DescentVerdict {
    if case .diverged(let step) = outcome { return .diverged(step: step) }
    guard let last = losses.last, let smallest = losses.min(),
        let smallestAt = losses.firstIndex(of: smallest)
    else { return .crawling }
    let roundingNoise = 1e-12 * abs(losses[0])
    if last > smallest * (1 + 1e-9) + roundingNoise + 1e-300 { return .climbing(lowest: smallest, atStep: smallestAt) }
    if isWithin(tolerance, ofLowest: lowestLoss, loss: last) { return .converged(zigzagging: alternates) }
    return alternates ? .bouncing : .crawling
}

extension DescentHistory {
    /// The run's verdict against the lowest possible loss, with the zigzag read from
    /// `parameter` crossing `best` at each of the last 10 steps.
    public func verdict(lowestLoss: Double, parameter: Int, best: Double, tolerance: Double = 0.01) -> DescentVerdict {
        descentVerdict(
            losses: losses, outcome: outcome, lowestLoss: lowestLoss,
            alternates: alternates(parameter: parameter, around: best, lastSteps: 10),
            tolerance: tolerance)
    }
}

/// The largest difference between matching parameters, max |pᵢ − qᵢ|: how far a found (a, b)
/// is from a target such as (3, 8), in the worse of the two.
public func largestParameterGap(_ p: [Double], _ q: [Double]) -> Double {
    precondition(p.count == q.count, "Compare parameter vectors of one length, got \(p.count) and \(q.count)")
    return zip(p, q).map { abs($0 - $1) }.max() ?? 0
}

/// The straight-line distance between two parameter vectors, √(Σ (pᵢ − qᵢ)²).
public func euclideanDistance(_ p: [Double], _ q: [Double]) -> Double {
    precondition(p.count == q.count, "Compare parameter vectors of one length, got \(p.count) and \(q.count)")
    return zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
}
