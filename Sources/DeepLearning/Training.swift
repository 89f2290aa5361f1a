/// One epoch of mini-batch training of a network on `loss` (the mean squared error unless told
/// otherwise; see `TrainingLoss`): the rows of
/// `inputs` and `targets` are split into shuffled batches of `batchSize`, and for each batch
///
///     forward  → loss and ∂loss/∂output
///     backward → every layer's gradients (backprop)
///     update   → `optimizer` steps every weight and bias
///
/// Returns the mean of the batch losses (each batch weighted by its size). `afterBatch` is
/// called with (batches done, batch count), for a progress bar.
///
/// Each step computes exactly what `network.lossAndGradients(input:target:loss:)` then
/// `optimizer.update` compute,
/// with every intermediate matrix kept in one workspace for the whole epoch (see
/// TrainingWorkspace.swift), so that a step allocates nothing.
@discardableResult
public func trainOneEpoch(
    _ network: inout Network, inputs: Matrix, targets: Matrix, batchSize: Int,
    optimizer: StochasticGradientDescent, using generator: inout SeededGenerator,
    loss: TrainingLoss = .meanSquaredError, afterBatch: ((Int, Int) -> Void)? = nil
) -> Double {
    precondition(
        inputs.rows == targets.rows,
        "Need one target row per input row, got \(inputs.rows) inputs and \(targets.rows) targets")
    let batches = miniBatches(count: inputs.rows, batchSize: batchSize, using: &generator)
    precondition(
        inputs.columns == network.sizes.first! && targets.columns == network.sizes.last!,
        "A network of sizes \(network.sizes) needs inputs with \(network.sizes.first!) columns and targets with \(network.sizes.last!), got \(inputs.shape) and \(targets.shape)"
    )
    let workspace = TrainingWorkspace(sizes: network.sizes, capacity: batches.map(\.count).max() ?? 0)
    var weightedLoss = 0.0
    for (b, batch) in batches.enumerated() {
        let batchLoss = workspace.step(
            &network, inputs: inputs, targets: targets, batch: batch, optimizer: optimizer, loss: loss)
        weightedLoss += batchLoss * Double(batch.count)
        afterBatch?(b + 1, batches.count)
    }
    return weightedLoss / Double(max(inputs.rows, 1))
}
