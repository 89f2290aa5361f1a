import Foundation

/// The typical size of the numbers in a matrix, its root mean square:
///
///     rms(X) = √((1/n) Σ xᵢ²)
public func rootMeanSquare(_ x: Matrix) -> Double {
    precondition(!x.values.isEmpty, "The root mean square of no numbers is undefined")
    return (x.values.reduce(0) { $0 + $1 * $1 } / Double(x.values.count)).squareRoot()
}

/// Sends `input` through `depth` fresh layers of `width` units (`activation`, weights drawn with
/// `initialization`, biases 0) and returns the root mean square of the input and of each
/// layer's output: depth + 1 numbers, input first.
///
/// Why they change: a unit's sum z = Σᵢ wᵢxᵢ over n inputs, with weights of mean 0 and variance
/// s² drawn independently of the x's, has variance Var(z) = n · s² · E[x²]. ReLU keeps the
/// positive half of a symmetric z, so E[relu(z)²] = Var(z)/2. Layer after layer,
///
///     E[x_l²] = (n · s² / 2) · E[x_{l−1}²]
///
/// s² = 2/n (He) keeps the size; s² = 1/n halves E[x²] at every layer (the rms falls by √2);
/// s² = 1 multiplies it by n/2.
public func layerSizes(
    input: Matrix, width: Int, depth: Int, activation: Activation,
    initialization: Initialization, using generator: inout SeededGenerator
) -> [Double] {
    precondition(depth >= 1 && width >= 1, "Need at least one layer of at least one unit")
    var x = input
    var sizes = [rootMeanSquare(x)]
    for _ in 0..<depth {
        let layer = Dense(
            inputSize: x.columns, outputSize: width, activation: activation,
            initialization: initialization, using: &generator)
        x = layer.forward(x).output
        sizes.append(rootMeanSquare(x))
    }
    return sizes
}

/// What happened to the signal's size from the first layer to the last.
public enum SignalScaleVerdict: Sendable, Equatable {
    /// last / first within [1/factor, factor].
    case kept
    /// last / first < 1/factor: the signal fades towards 0.
    case shrank
    /// last / first > factor: the signal blows up.
    case grew
}

/// Compares the last size with the first (the sizes of `layerSizes`, or any positive numbers):
///
///     ratio = last / first;  ratio > factor → grew,  ratio < 1/factor → shrank,  else kept.
public func signalScaleVerdict(_ sizes: [Double], factor: Double = 2) -> SignalScaleVerdict {
    precondition(sizes.count >= 2, "Need at least two sizes to compare")
    let ratio = sizes.last! / sizes.first!
    if ratio > factor { return .grew }
    if ratio < 1 / factor { return .shrank }
    return .kept
}
