/// The mean squared error of `network` on the rows of `inputs` against `targets`, built from
/// tracked values one operation at a time, so that `backward()` finds every parameter's gradient
/// by the chain rule (lesson 8, against the matrix backprop of lesson 10):
///
///     loss = (1/(N·n_out)) Σₖ Σᵢ (yₖᵢ − tₖᵢ)²,   with each layer  aⱼ = f(bⱼ + Σᵢ aᵢ·Wᵢⱼ)
///
/// Returns the loss and the tracked parameters in the order of `Network.parameters` (each layer's
/// weights row by row, then its biases), whose `gradient`s `loss.backward()` fills.
public func trackedMeanSquaredError(of network: Network, inputs: Matrix, targets: Matrix) -> (
    loss: Value, parameters: [Value]
) {
    precondition(
        inputs.rows == targets.rows && inputs.columns == network.sizes.first! && targets.columns == network.sizes.last!,
        "A \(network.sizes) network needs inputs N×\(network.sizes.first!) and targets N×\(network.sizes.last!), got \(inputs.shape) and \(targets.shape)"
    )
    let weights = network.layers.map { layer in layer.weights.values.map { Value($0) } }
    let biases = network.layers.map { layer in layer.bias.values.map { Value($0) } }
    var total = Value(0)
    for k in 0..<inputs.rows {
        var activations = inputs.row(k).map { Value($0) }
        for (l, layer) in network.layers.enumerated() {
            activations = (0..<layer.outputSize).map { j in
                var sum = biases[l][j]
                for i in 0..<layer.inputSize { sum = sum + activations[i] * weights[l][i * layer.outputSize + j] }
                return activate(sum, layer.activation)
            }
        }
        for (i, output) in activations.enumerated() {
            let error = output - targets[k, i]
            total = total + error * error
        }
    }
    let parameters = zip(weights, biases).flatMap { $0 + $1 }
    return (total / Double(inputs.rows * targets.columns), parameters)
}

/// A tracked value through an activation function, with its local derivative.
private func activate(_ value: Value, _ activation: Activation) -> Value {
    switch activation {
    case .identity: return value
    case .relu: return value.relu()
    case .sigmoid: return value.sigmoid()
    case .tanh: return value.tanh()
    }
}
