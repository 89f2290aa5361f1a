/// Whether two computations of the same numbers agree.
public enum Agreement: Sendable, Equatable {
    /// They differ by no more than the tolerance allows: the same numbers, up to rounding (or up
    /// to the error of an estimate, for a tolerance that size).
    case agree
    /// They differ by more than the tolerance: different numbers.
    case differ
}

/// Judges the largest difference between two computations of numbers of size about `scale`:
///
///     agree  ⇔  largestDifference ≤ tolerance · max(1, |scale|)
///
/// The default tolerance, 10⁻¹², is about 5000 times the spacing of doubles near 1: room for the
/// rounding of a few dozen operations, far below any real difference. A NaN difference never
/// agrees.
public func agreement(largestDifference: Double, scale: Double = 1, tolerance: Double = 1e-12) -> Agreement {
    largestDifference <= tolerance * max(1, abs(scale)) ? .agree : .differ
}
