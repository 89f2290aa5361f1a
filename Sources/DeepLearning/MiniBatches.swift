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
    /// The parameters after the last update.
    public var parameters: [Double]
    /// The loss on all the data before training (index 0) and after each epoch.
    public var epochLosses: [Double]
    /// The loss on all the data after every single update.
    public var updateLosses: [Double]
    /// The batches of each epoch, in the order they were used.
    public var batchesPerEpoch: [[[Int]]]
}

/// Mini-batch gradient descent: each epoch splits the samples into shuffled, non-overlapping
/// batches (`miniBatches`), and after each batch every parameter takes a step against the
/// gradient of the loss on that batch alone,
///
///     p ← p − lr · ∇ loss_batch(p),   loss_batch = (1/m) Σ_{k in batch} loss_k
///
/// A batch of all N samples is plain gradient descent; a batch of 1 is the original
/// "stochastic" gradient descent. `batchGradient(p, indices)` returns the gradient on the
/// samples at `indices`; `loss(p)` is the loss on all the data, recorded for the picture.
public func miniBatchGradientDescent(start: [Double], count: Int, batchSize: Int, epochs: Int, learningRate: Double,
                                     loss: ([Double]) -> Double,
                                     batchGradient: ([Double], [Int]) -> [Double],
                                     using generator: inout SeededGenerator) -> MiniBatchHistory {
    var p = start
    var history = MiniBatchHistory(parameters: p, epochLosses: [loss(p)], updateLosses: [], batchesPerEpoch: [])
    for _ in 0..<epochs {
        let batches = miniBatches(count: count, batchSize: batchSize, using: &generator)
        for batch in batches {
            p = gradientDescentStep(parameters: p, gradient: batchGradient(p, batch), learningRate: learningRate)
            history.updateLosses.append(loss(p))
        }
        history.batchesPerEpoch.append(batches)
        history.epochLosses.append(loss(p))
    }
    history.parameters = p
    return history
}
