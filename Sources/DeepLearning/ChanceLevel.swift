/// Where an accuracy stands against guessing: with `classes` equally common classes, answering
/// at random (or the same class every time) is right a fraction 1 / classes of the time.
public enum ChanceComparison: Sendable, Equatable {
    /// Below chance by more than the margin.
    case belowChance
    /// Within the margin of chance: the classifier has learned nothing useful.
    case aboutChance
    /// Above chance by more than the margin.
    case aboveChance
}

/// Compares `accuracy` (a fraction 0…1) with chance, 1 / classes:
///
///     accuracy < 1/classes − margin → below,  accuracy > 1/classes + margin → above,  else about.
public func compareWithChance(accuracy: Double, classes: Int, margin: Double = 0.05) -> ChanceComparison {
    precondition(classes > 0, "Chance needs at least one class, got \(classes)")
    let chance = 1 / Double(classes)
    if accuracy < chance - margin { return .belowChance }
    if accuracy > chance + margin { return .aboveChance }
    return .aboutChance
}
