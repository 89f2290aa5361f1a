/// An optimiser that updates a network one layer at a time from that layer's gradients:
/// plain SGD (`StochasticGradientDescent`), `Momentum` and `Adam`. An optimiser may keep state
/// between steps (a velocity, running averages), which is why its update is `mutating`.
///
/// `trainOneEpoch(_:inputs:targets:batchSize:optimizer:learningRate:using:)` trains with any of
/// them through the same allocation-free workspace as plain SGD.
public protocol NetworkOptimizer: Sendable {
    /// lr, the size of the step (what it multiplies depends on the optimiser).
    var learningRate: Double { get set }
    /// Updates layer `index` (counted from 0) of a network in place from ∂loss/∂W and ∂loss/∂B,
    /// given as flat buffers shaped like the layer's weights and biases.
    mutating func updateLayer(
        _ index: Int, _ layer: inout Dense, weightGradient: UnsafeBufferPointer<Double>,
        biasGradient: UnsafeBufferPointer<Double>)
}

extension NetworkOptimizer {
    /// Applies one update to every layer of `network` (the readable form of a training step's
    /// last part, `Network.lossAndGradients` being the first).
    public mutating func step(_ network: inout Network, with gradients: [LayerGradient]) {
        precondition(
            gradients.count == network.layers.count,
            "\(network.layers.count) layers need \(network.layers.count) gradients, got \(gradients.count)")
        for l in network.layers.indices {
            precondition(
                gradients[l].weights.values.count == network.layers[l].weights.values.count
                    && gradients[l].bias.values.count == network.layers[l].bias.values.count,
                "Layer \(l + 1) has weights \(network.layers[l].weights.shape) but got gradients \(gradients[l].weights.shape)"
            )
            gradients[l].weights.values.withUnsafeBufferPointer { dW in
                gradients[l].bias.values.withUnsafeBufferPointer { dB in
                    updateLayer(l, &network.layers[l], weightGradient: dW, biasGradient: dB)
                }
            }
        }
    }
}

extension StochasticGradientDescent: NetworkOptimizer {
    /// W ← W − lr·(dW + λW), B ← B − lr·dB (SGD keeps no state, so `index` is not used).
    public mutating func updateLayer(
        _ index: Int, _ layer: inout Dense, weightGradient: UnsafeBufferPointer<Double>,
        biasGradient: UnsafeBufferPointer<Double>
    ) {
        step(&layer, weightGradient: weightGradient, biasGradient: biasGradient)
    }
}

/// One epoch of mini-batch training with any `NetworkOptimizer`, as `trainOneEpoch` does with
/// plain SGD: shuffled batches of `batchSize`, and for each batch forward, the mean squared
/// error, backprop, and `optimizer.updateLayer` on every layer. Before batch k (from 0) the
/// optimiser's rate is set to `learningRate(k)` when that is given (a schedule or the range
/// test's growing rate). Returns every batch's loss, measured before its update, in order.
public func trainOneEpoch<Optimizer: NetworkOptimizer>(
    _ network: inout Network, inputs: Matrix, targets: Matrix, batchSize: Int, optimizer: inout Optimizer,
    learningRate: ((Int) -> Double)? = nil, using generator: inout SeededGenerator
) -> [Double] {
    precondition(
        inputs.rows == targets.rows,
        "Need one target row per input row, got \(inputs.rows) inputs and \(targets.rows) targets")
    precondition(
        inputs.columns == network.sizes.first! && targets.columns == network.sizes.last!,
        "A network of sizes \(network.sizes) needs inputs with \(network.sizes.first!) columns and targets with \(network.sizes.last!), got \(inputs.shape) and \(targets.shape)"
    )
    let batches = miniBatches(count: inputs.rows, batchSize: batchSize, using: &generator)
    let workspace = TrainingWorkspace(sizes: network.sizes, capacity: batches.map(\.count).max() ?? 0)
    var losses: [Double] = []
    losses.reserveCapacity(batches.count)
    for (k, batch) in batches.enumerated() {
        if let learningRate { optimizer.learningRate = learningRate(k) }
        losses.append(workspace.step(&network, inputs: inputs, targets: targets, batch: batch, optimizer: &optimizer))
    }
    return losses
}
