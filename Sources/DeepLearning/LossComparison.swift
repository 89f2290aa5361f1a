/// How one loss compares with another: clearly lower, about the same, or clearly higher.
public enum LossComparison: Sendable, Equatable {
    /// At most 1/factor of the reference.
    case clearlyLower
    /// Within a factor of the reference either way.
    case similar
    /// At least factor times the reference.
    case clearlyHigher
}

/// Compares a loss with a reference loss by their ratio, with `factor` > 1 (default 2):
///
///     clearlyHigher  ⇔  loss > reference and loss ≥ factor · reference
///     clearlyLower   ⇔  reference > loss and reference ≥ factor · loss
///     similar        otherwise
///
/// A reference of 0 makes any positive loss clearly higher; two equal losses are similar.
/// Losses are never negative; a NaN on either side counts as similar (no claim either way).
public func compare(loss: Double, with reference: Double, factor: Double = 2) -> LossComparison {
    precondition(factor > 1, "The factor must be above 1, got \(factor)")
    if loss > reference && loss >= factor * reference { return .clearlyHigher }
    if reference > loss && reference >= factor * loss { return .clearlyLower }
    return .similar
}
