/// One artificial neuron: inputs x₁…xₙ, weights w₁…wₙ, a bias b and an activation f,
///
///     y = f(w₁x₁ + ⋯ + wₙxₙ + b)
public struct Neuron: Sendable {
    /// w₁…wₙ, one per input.
    public var weights: [Double]
    /// b, added to the weighted sum before the activation.
    public var bias: Double
    /// f.
    public var activation: Activation

    /// A neuron with the given weights, bias and activation.
    public init(weights: [Double], bias: Double, activation: Activation) {
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// The products wᵢxᵢ, one per input, before they are added up.
    public func products(_ inputs: [Double]) -> [Double] {
        precondition(
            inputs.count == weights.count,
            "This neuron has \(weights.count) weights but got \(inputs.count) inputs")
        return zip(weights, inputs).map { $0 * $1 }
    }

    /// The weighted sum plus bias, z = Σᵢ wᵢxᵢ + b (what goes into the activation).
    public func preactivation(_ inputs: [Double]) -> Double {
        products(inputs).reduce(0, +) + bias
    }

    /// The output, y = f(Σᵢ wᵢxᵢ + b).
    public func callAsFunction(_ inputs: [Double]) -> Double {
        activation(preactivation(inputs))
    }
}
