// Small classifications of lesson 8's training runs, so that every sentence the lesson prints
// about a fit, the linear collapse or the number of hidden units is chosen from the numbers.

/// How well a trained network follows a curve.
public enum CurveFitVerdict: Equatable, Sendable {
    /// Training diverged in this epoch (from 1).
    case diverged(epoch: Int)
    /// loss ≤ `closeShare` × the variance of the targets.
    case followsCurve
    /// Not that close, but loss < `lineShare` × the best straight line's loss.
    case betterThanLine
    /// Neither: no clear gain over the best straight line.
    case noBetterThanLine
}

/// Classifies a fit by its final loss against two references: the targets' variance (the loss
/// of always answering their mean) and the loss of the best straight line.
///
///     diverged                                    → .diverged(epoch)
///     loss ≤ closeShare · variance                → .followsCurve
///     loss < lineShare · lineLoss                 → .betterThanLine
///     otherwise                                   → .noBetterThanLine
public func curveFitVerdict(
    outcome: DescentOutcome, finalLoss: Double, lineLoss: Double, targetVariance: Double,
    closeShare: Double = 0.02, lineShare: Double = 0.9
) -> CurveFitVerdict {
    if case .diverged(let epoch) = outcome { return .diverged(epoch: epoch) }
    if finalLoss <= closeShare * targetVariance { return .followsCurve }
    if finalLoss < lineShare * lineLoss { return .betterThanLine }
    return .noBetterThanLine
}

/// Where a network without non-linearity ended, against the best straight line (which it can
/// never beat, since its layers collapse into one linear map).
public enum LinearNetVerdict: Equatable, Sendable {
    /// Training diverged in this epoch (from 1).
    case diverged(epoch: Int)
    /// loss ≤ lineLoss · (1 + tolerance): it reached the line.
    case reachedLine
    /// Still above the line by more than the tolerance.
    case aboveLine
}

/// `.reachedLine` when loss ≤ lineLoss · (1 + tolerance) + 10⁻¹², `.aboveLine` otherwise,
/// `.diverged` when the run diverged.
public func linearNetVerdict(
    outcome: DescentOutcome, finalLoss: Double, lineLoss: Double,
    tolerance: Double = 0.01
) -> LinearNetVerdict {
    if case .diverged(let epoch) = outcome { return .diverged(epoch: epoch) }
    return finalLoss <= lineLoss * (1 + tolerance) + 1e-12 ? .reachedLine : .aboveLine
}

/// The final losses of several training runs of one network size, each from another random
/// start: how many diverged, and the mean and range of the others.
public struct StartsSummary: Equatable, Sendable {
    /// The final losses of the runs that finished.
    public var finished: [Double]
    /// How many runs diverged.
    public var divergedCount: Int

    /// From one entry per start, nil for a run that diverged.
    public init(_ finalLosses: [Double?]) {
        finished = finalLosses.compactMap { $0 }
        divergedCount = finalLosses.count - finished.count
    }

    /// How many starts there were.
    public var starts: Int { finished.count + divergedCount }
    /// (1/n) Σ loss over the finished runs, nil if none finished.
    public var mean: Double? { finished.isEmpty ? nil : finished.reduce(0, +) / Double(finished.count) }
    /// The lowest finished loss.
    public var lowest: Double? { finished.min() }
    /// The highest finished loss.
    public var highest: Double? { finished.max() }
}

/// How the final loss changed from one network size to the next larger one.
public enum WidthStep: Equatable, Sendable {
    /// Every start of the wider network ended below every start of the narrower one:
    /// highest(wider) < lowest(narrower).
    case clearlyLower
    /// The mean fell, but the ranges of the starts overlap.
    case lowerOnAverage
    /// The mean did not fall, and the ranges of the starts overlap.
    case notLower
    /// Every start of the wider network ended above every start of the narrower one:
    /// lowest(wider) > highest(narrower).
    case clearlyHigher
    /// One side has no finished run.
    case cannotCompare
}

/// Compares the starts of two network sizes (see `WidthStep`).
public func compareWidths(narrower: StartsSummary, wider: StartsSummary) -> WidthStep {
    guard let m1 = narrower.mean, let m2 = wider.mean, let low1 = narrower.lowest, let high1 = narrower.highest,
        let low2 = wider.lowest, let high2 = wider.highest
    else {
        return .cannotCompare
    }
    if high2 < low1 { return .clearlyLower }
    if low2 > high1 { return .clearlyHigher }
    return m2 < m1 ? .lowerOnAverage : .notLower
}

/// What the whole row of sizes, smallest first, shows.
public enum WidthTrend: Equatable, Sendable {
    /// Fewer than two sizes have a finished run.
    case cannotCompare
    /// The mean loss fell at every step from one size to the next; at the steps listed (index of
    /// the wider size) only on average, with the ranges of the starts overlapping.
    case fallsAtEveryStep(overlapAt: [Int])
    /// Every start of the largest comparable size ended below every start of the smallest, but at
    /// the steps listed (index of the wider size) the mean did not fall or could not be compared.
    case fallsOverall(notAt: [Int])
    /// The largest comparable size ends with a lower mean than the smallest, but the ranges of
    /// their starts overlap, and at the steps listed the mean did not fall or could not be
    /// compared: these starts do not separate the largest size from the smallest.
    case noClearGain(notAt: [Int])
    /// The largest comparable size does not end with a lower mean than the smallest.
    case doesNotFall
}

/// Reads a row of sizes, smallest first: compares each with the next (`compareWidths`) and the
/// first with the last size that has a finished run:
///
///     mean(last) ≥ mean(first)                               → .doesNotFall
///     the mean falls at every step                           → .fallsAtEveryStep
///     not at every step, and compareWidths(first, last) is
///       .clearlyLower                                        → .fallsOverall
///       anything else                                        → .noClearGain
public func widthTrend(_ summaries: [StartsSummary]) -> WidthTrend {
    let comparable = summaries.indices.filter { summaries[$0].mean != nil }
    guard let first = comparable.first, let last = comparable.last, first != last else { return .cannotCompare }
    guard summaries[last].mean! < summaries[first].mean! else { return .doesNotFall }
    let steps = summaries.indices.dropFirst().map {
        ($0, compareWidths(narrower: summaries[$0 - 1], wider: summaries[$0]))
    }
    let notFalling = steps.filter { $0.1 == .notLower || $0.1 == .clearlyHigher || $0.1 == .cannotCompare }.map(\.0)
    let overlapping = steps.filter { $0.1 == .lowerOnAverage }.map(\.0)
    if notFalling.isEmpty { return .fallsAtEveryStep(overlapAt: overlapping) }
    return compareWidths(narrower: summaries[first], wider: summaries[last]) == .clearlyLower
        ? .fallsOverall(notAt: notFalling) : .noClearGain(notAt: notFalling)
}

/// Whether training hardly changed a run: its final loss is still above `share` × its starting
/// loss (by default, less than 10 % of the loss was removed). A run that barely moved tells
/// about its random start, not about what training can do.
public func trainingBarelyMoved(startLoss: Double, finalLoss: Double, share: Double = 0.9) -> Bool {
    finalLoss > share * startLoss
}

/// Whether the starts of one size ended far apart: highest > `factor` × lowest (by default,
/// the worst start's loss is more than 1.5 times the best one's). When they did, a single run
/// says little about that size; when they did not, the starts agree.
public func startsSpreadWidely(_ summary: StartsSummary, factor: Double = 1.5) -> Bool {
    guard let low = summary.lowest, let high = summary.highest, summary.finished.count > 1 else { return false }
    return high > factor * low
}
