/// The gradients of one layer's parameters: ∂loss/∂W and ∂loss/∂B, shaped like W and B.
public struct LayerGradient: Sendable {
    /// ∂loss/∂W, n_in × n_out.
    public var weights: Matrix
    /// ∂loss/∂B, 1 × n_out.
    public var bias: Matrix

    /// A layer's gradients.
    public init(weights: Matrix, bias: Matrix) {
        self.weights = weights
        self.bias = bias
    }
}

/// A multi-layer network: layers applied one after the other,
///
///     X₀ = X,   X_l = f_l(X_{l−1} W_l + B_l)   for l = 1…L,   output X_L.
///
/// Each layer's input size must be the previous layer's output size; that is checked when the
/// network is built.
public struct Network: Sendable {
    /// The layers, first to last.
    public var layers: [Dense]

    /// A network from its layers; stops with a message naming both sizes if two neighbours
    /// do not fit.
    public init(_ layers: [Dense]) {
        precondition(!layers.isEmpty, "A network needs at least one layer")
        for l in 1..<max(layers.count, 1) {
            precondition(
                layers[l].inputSize == layers[l - 1].outputSize,
                "Layer \(l + 1) takes \(layers[l].inputSize) inputs but layer \(l) gives \(layers[l - 1].outputSize) outputs (weights \(layers[l - 1].weights.shape) then \(layers[l].weights.shape))"
            )
        }
        self.layers = layers
    }

    /// A network with layer sizes `sizes` (inputs first, e.g. [64, 32, 10]) and one activation
    /// per layer, weights drawn from `generator` (see `Initialization`).
    public init(
        sizes: [Int], activations: [Activation], initialization: Initialization? = nil,
        using generator: inout SeededGenerator
    ) {
        precondition(sizes.count >= 2, "A network needs at least an input and an output size, got \(sizes)")
        precondition(
            activations.count == sizes.count - 1,
            "\(sizes.count - 1) layers need \(sizes.count - 1) activations, got \(activations.count)")
        var layers: [Dense] = []
        for l in 0..<(sizes.count - 1) {
            layers.append(
                Dense(
                    inputSize: sizes[l], outputSize: sizes[l + 1], activation: activations[l],
                    initialization: initialization, using: &generator))
        }
        self.init(layers)
    }

    /// The layer sizes, inputs first: [n_in of layer 1, n_out of layer 1, …, n_out of layer L].
    public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

    /// The number of weights and biases in all layers.
    public var parameterCount: Int { layers.map(\.parameterCount).reduce(0, +) }

    // MARK: - Forward

    /// What the forward pass keeps for the backward pass: each layer's input X_{l−1}, its
    /// pre-activation Z_l, and the final output X_L.
    public struct ForwardPass: Sendable {
        /// X₀ … X_{L−1}: the input of each layer.
        public var inputs: [Matrix]
        /// Z₁ … Z_L.
        public var preactivations: [Matrix]
        /// X_L.
        public var output: Matrix
    }

    /// Runs X through every layer and keeps what backprop needs.
    public func forward(_ input: Matrix) -> ForwardPass {
        var inputs: [Matrix] = []
        var preactivations: [Matrix] = []
        inputs.reserveCapacity(layers.count)
        preactivations.reserveCapacity(layers.count)
        var x = input
        for l in layers.indices {
            inputs.append(x)
            let (z, y) = layers[l].forward(x)
            preactivations.append(z)
            x = y
        }
        return ForwardPass(inputs: inputs, preactivations: preactivations, output: x)
    }

    /// The output X_L for input X.
    public func callAsFunction(_ input: Matrix) -> Matrix {
        forward(input).output
    }

    // MARK: - Backward (backprop)

    /// Backprop: starting from dX_L = ∂loss/∂output, each layer from last to first turns the
    /// gradient of its output into the gradients of its weights and biases and of its input,
    /// which is the previous layer's output gradient (`Dense.backward`). Returns one
    /// `LayerGradient` per layer, first layer first. (The gradient of the network's input is not
    /// needed by anything, so the first layer skips it.)
    public func backward(_ pass: ForwardPass, outputGradient: Matrix) -> [LayerGradient] {
        var gradients: [LayerGradient] = []
        gradients.reserveCapacity(layers.count)
        var dOutput = outputGradient
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let output = l + 1 < layers.count ? pass.inputs[l + 1] : pass.output
            let (dInput, dW, dB) = layers[l].backward(
                input: pass.inputs[l], preactivation: pass.preactivations[l], output: output, outputGradient: dOutput,
                needsInputGradient: l > 0)
            gradients.append(LayerGradient(weights: dW, bias: dB))
            dOutput = dInput
        }
        return gradients.reversed()
    }

    /// The mean squared error of the network on (X, Z) and the gradient of every parameter:
    /// forward, loss, ∂loss/∂output = 2(Y − Z)/(N·n_out), backward.
    public func lossAndGradients(input: Matrix, target: Matrix) -> (loss: Double, gradients: [LayerGradient]) {
        let pass = forward(input)
        let loss = meanSquaredError(predicted: pass.output, expected: target)
        let dOutput = meanSquaredErrorGradient(predicted: pass.output, expected: target)
        return (loss, backward(pass, outputGradient: dOutput))
    }

    // MARK: - Parameters as one flat list

    /// Every parameter in one array: layer 1's weights (row-major), then its biases, then layer 2's…
    public var parameters: [Double] {
        get { layers.flatMap { $0.weights.values + $0.bias.values } }
        set {
            precondition(
                newValue.count == parameterCount,
                "This network has \(parameterCount) parameters, got \(newValue.count)")
            var offset = 0
            for l in layers.indices {
                let w = layers[l].weights.values.count
                let b = layers[l].bias.values.count
                layers[l].weights.values = Array(newValue[offset..<(offset + w)])
                layers[l].bias.values = Array(newValue[(offset + w)..<(offset + w + b)])
                offset += w + b
            }
        }
    }

    /// The gradients flattened in the same order as `parameters`.
    public static func flatten(_ gradients: [LayerGradient]) -> [Double] {
        gradients.flatMap { $0.weights.values + $0.bias.values }
    }
}
