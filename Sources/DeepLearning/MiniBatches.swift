/// The number of mini-batches, and so of updates, in one epoch of `count` samples:
///
///     ⌈count / batchSize⌉
///
/// (the last batch is smaller when `batchSize` does not divide `count`; see `miniBatches`).
public func miniBatchCount(count: Int, batchSize: Int) -> Int {
    precondition(count >= 0, "The number of samples must not be negative, got \(count)")
    precondition(batchSize > 0, "A batch needs at least one sample, got \(batchSize)")
    return (count + batchSize - 1) / batchSize
}

/// Splits the sample indices 0..<count into mini-batches for one epoch: the indices are
/// shuffled with `generator`, then cut into consecutive, non-overlapping pieces of `batchSize`.
///
/// Every sample appears in exactly one batch, so one pass over the batches is one epoch. When
/// `batchSize` does not divide `count`, the last batch is smaller (count mod batchSize samples)
/// and is kept, so no sample is skipped. There are ⌈count / batchSize⌉ batches.
public func miniBatches(count: Int, batchSize: Int, using generator: inout SeededGenerator) -> [[Int]] {
    precondition(count >= 0, "The number of samples must not be negative, got \(count)")
    precondition(batchSize > 0, "A batch needs at least one sample, got \(batchSize)")
    let order = generator.shuffled(Array(0..<count))
    return stride(from: 0, to: count, by: batchSize).map { start in
        Array(order[start..<min(start + batchSize, count)])
    }
}

/// What a run of mini-batch gradient descent recorded.
public struct MiniBatchHistory: Sendable {
    /// The parameters after the last update (before the update that diverged, if one did).
    public var parameters: [Double]
    /// The loss on all the data before training (index 0) and after each completed epoch.
    public var epochLosses: [Double]
    /// The loss on all the data after every update of the last few epochs (how many is the
    /// run's `updateLossEpochs`), oldest first; earlier updates are not kept, so memory stays
    /// bounded however many epochs run.
    public var updateLosses: [Double]
    /// How many updates one epoch makes: ⌈count / batchSize⌉.
    public var updatesPerEpoch: Int
    /// How many updates ran in all (up to and including a diverging one).
    public var updates: Int
    /// `.finished`, or `.diverged(step:)` with the epoch (from 1) in which the loss stopped
    /// being finite or grew past `divergenceFactor` × max(starting loss, 1).
    public var outcome: DescentOutcome
}

/// Mini-batch gradient descent: each epoch splits the samples into shuffled, non-overlapping
/// batches (`miniBatches`), and after each batch every parameter takes a step against the
/// gradient of the loss on that batch alone,
///
///     p ← p − lr · ∇ loss_batch(p),   loss_batch = (1/m) Σ_{k in batch} loss_k
///
/// A batch of all N samples is plain gradient descent; a batch of 1 is the original
/// "stochastic" gradient descent. `batchGradient(p, indices)` returns the gradient on the
/// samples at `indices`; `loss(p)` is the loss on all the data, evaluated after every update
/// (pass a cheap one: it runs epochs × ⌈N/m⌉ times). The run stops early, with
/// `outcome = .diverged(step: epoch)`, as soon as that loss is not finite or exceeds
/// `divergenceFactor` × max(starting loss, 1). Only the update losses of the last
/// `updateLossEpochs` epochs are kept.
public func miniBatchGradientDescent(
    start: [Double], count: Int, batchSize: Int, epochs: Int, learningRate: Double,
    updateLossEpochs: Int = .max,
    loss: ([Double]) -> Double,
    batchGradient: ([Double], [Int]) -> [Double],
    using generator: inout SeededGenerator
) -> MiniBatchHistory {
    var p = start
    let startLoss = loss(p)
    let perEpoch = miniBatchCount(count: count, batchSize: batchSize)
    var history = MiniBatchHistory(
        parameters: p, epochLosses: [startLoss], updateLosses: [], updatesPerEpoch: perEpoch,
        updates: 0, outcome: .finished)
    let keptUpdates = perEpoch.multipliedReportingOverflow(by: max(updateLossEpochs, 0))
    let keep = keptUpdates.overflow ? Int.max : keptUpdates.partialValue
    var recent: [Double] = []  // a ring of the last `keep` update losses
    var next = 0
    for epoch in stride(from: 1, through: epochs, by: 1) {
        for batch in miniBatches(count: count, batchSize: batchSize, using: &generator) {
            let stepped = gradientDescentStep(
                parameters: p, gradient: batchGradient(p, batch), learningRate: learningRate)
            let value = loss(stepped)
            history.updates += 1
            if !value.isFinite || stepped.contains(where: { !$0.isFinite })
                || value > divergenceFactor * max(startLoss, 1)
            {
                history.outcome = .diverged(step: epoch)
                break
            }
            p = stepped
            if keep > 0 {
                if recent.count < keep { recent.append(value) } else { recent[next] = value }
                next = (next + 1) % keep
            }
        }
        if history.outcome != .finished { break }
        history.epochLosses.append(loss(p))
    }
    history.updateLosses = recent.count < keep ? recent : Array(recent[next...] + recent[..<next])
    history.parameters = p
    return history
}
