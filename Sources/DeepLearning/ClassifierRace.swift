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
