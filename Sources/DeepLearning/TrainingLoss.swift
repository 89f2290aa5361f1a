/// The loss a network is trained on, and how its output is read.
public enum TrainingLoss: Sendable, Equatable {
    /// The mean squared error over every sample and output, (1/(N·K)) Σᵢ Σₖ (aᵢₖ − yᵢₖ)², with
    /// ∂L/∂A = 2(A − Y)/(N·K). The outputs are compared with the targets as they are (lessons 4–12).
    case meanSquaredError
    /// The last layer's outputs are scores Z turned into probabilities by softmax, and the loss is
    /// the mean cross-entropy (1/N) Σᵢ −log softmax(zᵢ)_label, with ∂L/∂Z = (P − Y)/N
    /// (lesson 13). The last layer should use the identity activation, so that Z is its output.
    case softmaxCrossEntropy

    /// The loss of `output` against `target` (one sample per row).
    public func loss(output: Matrix, target: Matrix) -> Double {
        switch self {
        case .meanSquaredError: return DeepLearning.meanSquaredError(predicted: output, expected: target)
        case .softmaxCrossEntropy: return DeepLearning.softmaxCrossEntropy(scores: output, targets: target)
        }
    }

    /// ∂loss/∂output.
    public func gradient(output: Matrix, target: Matrix) -> Matrix {
        switch self {
        case .meanSquaredError: return DeepLearning.meanSquaredErrorGradient(predicted: output, expected: target)
        case .softmaxCrossEntropy: return DeepLearning.softmaxCrossEntropyGradient(scores: output, targets: target)
        }
    }
}

extension Network {
    /// The loss `loss` of the network on (X, Y) and the gradient of every parameter: forward,
    /// the loss and ∂loss/∂output (see `TrainingLoss`), backward. With `.meanSquaredError` this is
    /// `lossAndGradients(input:target:)`.
    public func lossAndGradients(input: Matrix, target: Matrix, loss: TrainingLoss) -> (
        loss: Double, gradients: [LayerGradient]
    ) {
        let pass = forward(input)
        let value = loss.loss(output: pass.output, target: target)
        return (value, backward(pass, outputGradient: loss.gradient(output: pass.output, target: target)))
    }
}

/// Scores a network trained with `loss` on `images` with their `labels`: the loss (mean squared
/// error or mean cross-entropy) of the network as it is now, and the fraction of images whose
/// largest output is their label (softmax keeps the order of the scores, so the largest score
/// is the most probable class).
public func score(_ network: Network, images: Matrix, labels: [Int], loss: TrainingLoss, classes: Int = 10)
    -> ClassifierScore
{
    let output = network(images)
    return ClassifierScore(
        loss: loss.loss(output: output, target: oneHot(labels, classes: classes)),
        accuracy: accuracy(predicted: argmaxOfRows(output), expected: labels))
}
