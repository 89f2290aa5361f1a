/// A fully connected layer of n_out neurons, each with n_in weights:
///
///     Y = f(XW + B)
///
/// X is a batch of inputs with one sample per row (N × n_in), W holds the weights with n_in rows
/// and n_out columns (column i is neuron i's weights), B is the 1 × n_out row of biases added
/// to every row, and f is applied to every element. Y is N × n_out.
public struct Dense: Sendable {
    /// W, n_in × n_out.
    public var weights: Matrix
    /// B, 1 × n_out.
    public var bias: Matrix
    /// f.
    public var activation: Activation

    /// n_in, the number of inputs each neuron takes.
    public var inputSize: Int { weights.rows }
    /// n_out, the number of neurons.
    public var outputSize: Int { weights.columns }

    /// A layer with the given weights (n_in × n_out) and biases (1 × n_out).
    public init(weights: Matrix, bias: Matrix, activation: Activation) {
        precondition(
            bias.rows == 1 && bias.columns == weights.columns,
            "A layer with \(weights.shape) weights needs 1×\(weights.columns) biases, got \(bias.shape)")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// A layer with random weights from `initialization` and zero biases.
    public init(
        inputSize: Int, outputSize: Int, activation: Activation,
        initialization: Initialization? = nil, using generator: inout SeededGenerator
    ) {
        precondition(
            inputSize > 0 && outputSize > 0,
            "A layer needs at least one input and one output, got \(inputSize) and \(outputSize)")
        let scheme = initialization ?? .recommended(for: activation)
        self.init(
            weights: .random(
                rows: inputSize, columns: outputSize,
                standardDeviation: scheme.standardDeviation(inputSize: inputSize),
                using: &generator),
            bias: Matrix(rows: 1, columns: outputSize),
            activation: activation)
    }

    /// Number of parameters: n_in · n_out weights plus n_out biases.
    public var parameterCount: Int { weights.values.count + bias.values.count }

    // MARK: - Forward and backward, side by side

    /// The forward pass, keeping the pre-activation Z = XW + B that the backward pass needs:
    /// returns Z and Y = f(Z).
    public func forward(_ input: Matrix) -> (preactivation: Matrix, output: Matrix) {
        precondition(
            input.columns == inputSize,
            "A layer with \(weights.shape) weights needs inputs with \(inputSize) columns, got \(input.shape)")
        let z = input.times(weights, plusRow: bias)  // (input * weights).addingToEachRow(bias), in one pass
        return (z, activation(z))
    }

    /// Y = f(XW + B).
    public func callAsFunction(_ input: Matrix) -> Matrix {
        forward(input).output
    }

    /// The backward pass: given dY = ∂loss/∂Y, the chain rule gives
    ///
    ///     dZ = dY ⊙ f′(Z)          (element-wise)
    ///     dW = Xᵀ · dZ              (n_in × n_out, like W)
    ///     dB = Σ over rows of dZ    (1 × n_out, like B)
    ///     dX = dZ · Wᵀ              (N × n_in, like X: what the previous layer receives)
    ///
    /// The first layer of a network has no previous layer, so `needsInputGradient: false` skips
    /// dX (and returns an empty matrix for it), which saves a third of that layer's work. When
    /// the forward pass's output Y = f(Z) is passed too, f′ is computed from it (see
    /// `Activation.backward(_:preactivation:output:)`), which saves an exponential per element.
    public func backward(
        input: Matrix, preactivation: Matrix, output: Matrix? = nil, outputGradient: Matrix,
        needsInputGradient: Bool = true
    )
        -> (inputGradient: Matrix, weightGradient: Matrix, biasGradient: Matrix)
    {
        precondition(
            outputGradient.rows == preactivation.rows && outputGradient.columns == preactivation.columns,
            "The output gradient must have the output's shape \(preactivation.shape), got \(outputGradient.shape)")
        let dZ: Matrix
        if let output {
            dZ = activation.backward(outputGradient, preactivation: preactivation, output: output)
        } else {
            dZ = outputGradient.multipliedElementwise(by: activation.derivative(preactivation))
        }
        let dW = input.transposedTimes(dZ)
        let dB = dZ.columnSums()
        let dX = needsInputGradient ? dZ.timesTransposed(weights) : Matrix(rows: 0, columns: 0)
        return (dX, dW, dB)
    }
}
