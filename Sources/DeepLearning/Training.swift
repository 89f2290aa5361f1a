/// One epoch of mini-batch training of a network on the mean squared error: the rows of
/// `inputs` and `targets` are split into shuffled batches of `batchSize`, and for each batch
///
///     forward  → loss and ∂loss/∂output
///     backward → every layer's gradients (backprop)
///     update   → `optimizer` steps every weight and bias
///
/// Returns the mean of the batch losses (each batch weighted by its size). `afterBatch` is
/// called with (batches done, batch count), for a progress bar.
@discardableResult
public func trainOneEpoch(_ network: inout Network, inputs: Matrix, targets: Matrix, batchSize: Int,
                          optimizer: StochasticGradientDescent, using generator: inout SeededGenerator,
                          afterBatch: ((Int, Int) -> Void)? = nil) -> Double {
    precondition(inputs.rows == targets.rows, "Need one target row per input row, got \(inputs.rows) inputs and \(targets.rows) targets")
    let batches = miniBatches(count: inputs.rows, batchSize: batchSize, using: &generator)
    var weightedLoss = 0.0
    for (b, batch) in batches.enumerated() {
        let (loss, gradients) = network.lossAndGradients(input: inputs.rows(at: batch), target: targets.rows(at: batch))
        optimizer.update(&network, with: gradients)
        weightedLoss += loss * Double(batch.count)
        afterBatch?(b + 1, batches.count)
    }
    return weightedLoss / Double(max(inputs.rows, 1))
}
