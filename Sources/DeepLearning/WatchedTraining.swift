/// A network trained for a number of epochs while watching for divergence, with its loss on
/// all the data after every epoch.
public struct WatchedTraining: Sendable {
    /// The network after the last epoch whose loss was still finite and below the divergence
    /// bound (the starting network if the first epoch already diverged).
    public var network: Network
    /// The loss on all the data before training (index 0) and after each completed epoch,
    /// every one finite.
    public var losses: [Double]
    /// `.finished`, or `.diverged(step: epoch)` with the epoch (from 1) after which the loss
    /// was not finite, a weight was not finite, or the loss exceeded
    /// `divergenceFactor` × max(starting loss, 1).
    public var outcome: DescentOutcome

    /// The loss after the last completed epoch.
    public var finalLoss: Double { losses.last! }

    /// The final loss if the run finished, nil if it diverged.
    public var finishedLoss: Double? { outcome == .finished ? finalLoss : nil }
}

/// Trains `network` with mini-batch SGD on the mean squared error (`trainOneEpoch`) for
/// `epochs` epochs, computing the loss on all the data after each epoch, and stops at the first
/// epoch after which
///
///     loss is not finite,  or a weight is not finite,  or  loss > divergenceFactor · max(loss₀, 1)
///
/// so that a learning rate that is too big is reported as `.diverged(step: epoch)` instead of
/// carrying `nan` into tables and charts.
public func trainWatchingForDivergence(
    _ network: Network, inputs: Matrix, targets: Matrix, batchSize: Int, epochs: Int,
    learningRate: Double, using generator: inout SeededGenerator
) -> WatchedTraining {
    var current = network
    let startLoss = meanSquaredError(predicted: current(inputs), expected: targets)
    var run = WatchedTraining(network: current, losses: [startLoss], outcome: .finished)
    let optimizer = StochasticGradientDescent(learningRate: learningRate)
    for epoch in stride(from: 1, through: epochs, by: 1) {
        trainOneEpoch(
            &current, inputs: inputs, targets: targets, batchSize: batchSize, optimizer: optimizer, using: &generator)
        let loss = meanSquaredError(predicted: current(inputs), expected: targets)
        if !loss.isFinite || current.parameters.contains(where: { !$0.isFinite })
            || loss > divergenceFactor * max(startLoss, 1)
        {
            run.outcome = .diverged(step: epoch)
            return run
        }
        run.network = current
        run.losses.append(loss)
    }
    return run
}
