/// How a classifier does on a labelled set, measured in one forward pass over all of it.
public struct ClassifierScore: Sendable, Equatable {
    /// The mean squared error between the outputs and the one-hot targets, over every image and
    /// every output: (1 / (N·K)) Σₙ Σₖ (aₙₖ − yₙₖ)².
    public var loss: Double
    /// The fraction of images whose largest output is at their label: (number right) / N.
    public var accuracy: Double

    /// A score from its two numbers.
    public init(loss: Double, accuracy: Double) {
        self.loss = loss
        self.accuracy = accuracy
    }
}

/// Scores `network` on `images` (one per row) with their `labels`: the loss of the network as it
/// is now, after training, not a running mean taken while its weights were still changing.
public func score(_ network: Network, images: Matrix, labels: [Int], classes: Int = 10) -> ClassifierScore {
    let output = network(images)
    return ClassifierScore(
        loss: meanSquaredError(predicted: output, expected: oneHot(labels, classes: classes)),
        accuracy: accuracy(predicted: argmaxOfRows(output), expected: labels))
}
