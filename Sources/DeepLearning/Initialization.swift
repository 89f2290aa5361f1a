import Foundation

/// How a layer's weights are drawn before training. Biases start at 0.
public enum Initialization: Sendable, Equatable {
    /// Every weight from N(0, 1), as the first posts' examples do. Fine for tiny nets; with many
    /// inputs the weighted sums grow like √n_in and saturate sigmoid and tanh.
    case standardNormal
    /// Xavier/Glorot (2010): N(0, 1/n_in), so the weighted sum keeps about unit variance.
    /// Suits sigmoid and tanh.
    case scaledNormal
    /// He et al. (2015): N(0, 2/n_in), which makes up for ReLU zeroing half its inputs.
    case he

    /// The standard deviation of the weights for a layer with `inputSize` inputs.
    public func standardDeviation(inputSize: Int) -> Double {
        switch self {
        case .standardNormal: return 1
        case .scaledNormal: return (1 / Double(inputSize)).squareRoot()
        case .he: return (2 / Double(inputSize)).squareRoot()
        }
    }

    /// The usual choice for an activation: He for ReLU, scaled normal for the others.
    public static func recommended(for activation: Activation) -> Initialization {
        activation == .relu ? .he : .scaledNormal
    }
}
