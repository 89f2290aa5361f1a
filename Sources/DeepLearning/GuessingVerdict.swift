/// Why a classifier's training ended no better than guessing, read from its accuracy after each
/// epoch and its peak learning rate, so that the lesson's explanation is chosen from numbers.
public enum GuessingVerdict: Equatable, Sendable {
    /// Above chance after this epoch (from 1), back at or below chance at the end: the steps
    /// threw the weights away from what they had learned.
    case learnedThenFellBack(epoch: Int)
    /// Never above chance, with a peak rate below usual / factor: the steps were too small to
    /// move the weights.
    case rateTooSmall
    /// Never above chance, with a peak rate above usual × factor: the steps were far too big.
    case rateTooBig
    /// Never above chance, with a peak rate within a factor of the usual one: the rate is not
    /// the suspect; the network is too small or the training too short.
    case rateNotToBlame
}

/// Reads why a run ended at guessing, or nil when it did not (its last accuracy is above chance,
/// see `compareWithChance(accuracy:classes:margin:)`) or has no accuracy at all:
///
///     last accuracy above chance                → nil
///     some earlier epoch k above chance         → .learnedThenFellBack(epoch: first such k)
///     peakRate < usualRate / factor             → .rateTooSmall
///     peakRate > usualRate × factor             → .rateTooBig
///     otherwise                                 → .rateNotToBlame
///
/// `accuracies` are fractions 0…1, one per epoch; `usualRate` is the rate the recipe is known to
/// train with.
public func guessingVerdict(
    accuracies: [Double], classes: Int, peakRate: Double, usualRate: Double, factor: Double = 10
) -> GuessingVerdict? {
    guard let last = accuracies.last, compareWithChance(accuracy: last, classes: classes) != .aboveChance else {
        return nil
    }
    if let k = accuracies.firstIndex(where: { compareWithChance(accuracy: $0, classes: classes) == .aboveChance }) {
        return .learnedThenFellBack(epoch: k + 1)
    }
    if peakRate < usualRate / factor { return .rateTooSmall }
    if peakRate > usualRate * factor { return .rateTooBig }
    return .rateNotToBlame
}
