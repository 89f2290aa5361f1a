/// What a training run's two loss curves say about overfitting: the loss on the training
/// examples and the loss on held-out validation examples, measured after the same epochs.
public enum OverfittingVerdict: Sendable, Equatable {
    /// A loss became NaN or infinity: the run diverged and says nothing about overfitting.
    case diverged
    /// The training loss hardly fell over the second half: training stalled, so there is
    /// nothing to compare.
    case stalled
    /// The training loss kept falling over the second half while the validation loss rose
    /// (`validationRose`) or fell less than half as much: the net is learning its training
    /// examples rather than the task.
    case overfits(validationRose: Bool)
    /// Both losses fell alike over the second half: the net is still learning the task.
    case stillLearning
}

/// Reads two loss curves over the second half of a run: with m the middle measurement and L the
/// last, the relative falls are
///
///     fall_train = 1 − train[L] / train[m],   fall_val = 1 − val[L] / val[m]
///
/// and the verdict is
///
///     any loss not finite            → diverged
///     fall_train < minimumFall       → stalled        (default 10 %)
///     fall_val ≤ 0                   → overfits, the validation loss rose
///     fall_val < ½ · fall_train      → overfits, the validation loss fell much less
///     otherwise                      → still learning
public func overfittingVerdict(
    trainingLosses: [Double], validationLosses: [Double],
    minimumFall: Double = 0.1
) -> OverfittingVerdict {
    precondition(
        trainingLosses.count >= 2 && trainingLosses.count == validationLosses.count,
        "Need at least two measurements, one training and one validation loss each, got \(trainingLosses.count) and \(validationLosses.count)"
    )
    guard (trainingLosses + validationLosses).allSatisfy(\.isFinite) else { return .diverged }
    let (middle, last) = secondHalf(of: trainingLosses.count)
    let trainingFall = 1 - trainingLosses[last] / trainingLosses[middle]
    let validationFall = 1 - validationLosses[last] / validationLosses[middle]
    if trainingFall < minimumFall { return .stalled }
    if validationFall <= 0 { return .overfits(validationRose: true) }
    if validationFall < trainingFall / 2 { return .overfits(validationRose: false) }
    return .stillLearning
}

/// The indices (middle, last) of `count` measurements that bound the second half of a run:
/// middle = (count − 1) / 2 rounded down, last = count − 1.
public func secondHalf(of count: Int) -> (middle: Int, last: Int) {
    precondition(count >= 2, "A second half needs at least two measurements, got \(count)")
    return ((count - 1) / 2, count - 1)
}
