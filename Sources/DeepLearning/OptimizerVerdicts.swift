/// Which of several methods reached a goal in the fewest steps.
public enum FewestSteps: Sendable, Equatable {
    /// None of them reached it.
    case none
    /// One method needed fewer steps than every other.
    case single(Int)
    /// These methods (indices) share the fewest steps.
    case tie([Int])
}

/// The method with the fewest steps, from each method's step count (nil: never reached).
///
///     fewest = min over reached counts;  one index with it → single, several → tie, none → none
public func fewestSteps(_ steps: [Int?]) -> FewestSteps {
    let reached = steps.indices.filter { steps[$0] != nil }
    guard let best = reached.map({ steps[$0]! }).min() else { return .none }
    let winners = reached.filter { steps[$0]! == best }
    return winners.count == 1 ? .single(winners[0]) : .tie(winners)
}

/// The best of several settings each run from several starts.
public enum BestSetting: Sendable, Equatable {
    /// This setting's worst start beats every other setting's best start.
    case clear(Int)
    /// This setting has the best mean, but its range of results overlaps with those of the
    /// settings listed, so the starts cannot separate them.
    case aheadOnAverage(Int, overlapping: [Int])
}

/// Reads the winner from spreads of a result over starts (e.g. test accuracy, higher better, or
/// loss, lower better):
///
///     best = the best mean;  clear if its range does not overlap any other's (`compare`),
///     else ahead on average, with the settings whose ranges overlap its own.
public func bestSetting(_ spreads: [Spread], higherIsBetter: Bool) -> BestSetting {
    precondition(!spreads.isEmpty, "Need at least one setting")
    let best = spreads.indices.max { a, b in
        higherIsBetter ? spreads[a].mean < spreads[b].mean : spreads[a].mean > spreads[b].mean
    }!
    let overlapping = spreads.indices.filter { $0 != best && compare(spreads[best], spreads[$0]) == .overlapping }
    return overlapping.isEmpty ? .clear(best) : .aheadOnAverage(best, overlapping: overlapping)
}
