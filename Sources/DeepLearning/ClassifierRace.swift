/// Which of two training recipes is ahead at one point of training, read from several starts of
/// each (accuracies, higher is better).
public enum RaceVerdict: Sendable, Equatable {
    /// Every start of the first recipe is above every start of the second: min(first) > max(second).
    case firstAhead
    /// Every start of the second is above every start of the first: min(second) > max(first).
    case secondAhead
    /// The ranges of the starts overlap: these starts cannot tell the two apart.
    case cannotTell
}

/// Compares two recipes' accuracies over their starts by their ranges (see `RaceVerdict`): a
/// difference of means alone could be one lucky start.
public func raceVerdict(first: Spread, second: Spread) -> RaceVerdict {
    switch compare(first, second) {
    case .clearlyHigher: return .firstAhead
    case .clearlyLower: return .secondAhead
    case .overlapping: return .cannotTell
    }
}

/// The first epoch (from 1) at which an accuracy curve reaches `level`, nil if it never does.
public func firstEpoch(reaching level: Double, in accuracies: [Double]) -> Int? {
    accuracies.firstIndex { $0 >= level }.map { $0 + 1 }
}

/// Which of two recipes learns faster, read from the race after the first epoch and from
/// whether each kept what it learned.
public enum FasterLearnerVerdict: Sendable, Equatable {
    /// The first recipe is ahead after epoch 1 and did not fall back to guessing later.
    case first
    /// The second recipe is ahead after epoch 1 and did not fall back to guessing later.
    case second
    /// The first was ahead after epoch 1 but fell back to guessing: its fast start was lost.
    case firstAheadThenFellBack
    /// The second was ahead after epoch 1 but fell back to guessing: its fast start was lost.
    case secondAheadThenFellBack
    /// The starts overlap after epoch 1: they cannot tell which learns faster.
    case cannotTell
}

/// Names the faster learner from the race after epoch 1 (see `raceVerdict(first:second:)`),
/// unless the recipe that was ahead later fell back to guessing (see `guessingVerdict`):
///
///     firstAhead,  first fell back   → .firstAheadThenFellBack
///     firstAhead                     → .first
///     secondAhead, second fell back  → .secondAheadThenFellBack
///     secondAhead                    → .second
///     cannotTell                     → .cannotTell
public func fasterLearner(
    afterFirstEpoch race: RaceVerdict, firstFellBack: Bool, secondFellBack: Bool
) -> FasterLearnerVerdict {
    switch race {
    case .firstAhead: return firstFellBack ? .firstAheadThenFellBack : .first
    case .secondAhead: return secondFellBack ? .secondAheadThenFellBack : .second
    case .cannotTell: return .cannotTell
    }
}
