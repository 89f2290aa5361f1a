/// Stochastic gradient descent for a network: after each mini-batch, every weight and bias
/// takes a step against its gradient,
///
///     W ← W − lr · (dW + λ·W),    B ← B − lr · dB
///
/// where λ ≥ 0 is the L2 weight decay (0 by default): adding λ/2·ΣW² to the loss pulls every
/// weight a little towards 0 at each step, which keeps a large net from memorising its data.
/// Biases are not decayed.
public struct StochasticGradientDescent: Sendable {
    /// lr.
    public var learningRate: Double
    /// λ, the L2 weight decay.
    public var weightDecay: Double

    /// An optimiser with the given learning rate and weight decay.
    public init(learningRate: Double, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// Applies one update to every layer of `network`.
    public func update(_ network: inout Network, with gradients: [LayerGradient]) {
        precondition(gradients.count == network.layers.count,
                     "\(network.layers.count) layers need \(network.layers.count) gradients, got \(gradients.count)")
        for l in network.layers.indices {
            precondition(gradients[l].weights.values.count == network.layers[l].weights.values.count
                         && gradients[l].bias.values.count == network.layers[l].bias.values.count,
                         "Layer \(l + 1) has weights \(network.layers[l].weights.shape) but got gradients \(gradients[l].weights.shape)")
            gradients[l].weights.values.withUnsafeBufferPointer { dW in
                gradients[l].bias.values.withUnsafeBufferPointer { dB in
                    step(&network.layers[l], weightGradient: dW, biasGradient: dB)
                }
            }
        }
    }

    /// One layer's update in place, element by element: W ← W − lr·(dW + λW), B ← B − lr·dB.
    /// (The training workspace calls this with its own buffers.)
    func step(_ layer: inout Dense, weightGradient dW: UnsafeBufferPointer<Double>,
              biasGradient dB: UnsafeBufferPointer<Double>) {
        let (rate, decay) = (learningRate, weightDecay)
        layer.weights.values.withUnsafeMutableBufferPointer { w in
            for k in 0..<w.count { w[k] -= rate * (dW[k] + decay * w[k]) }
        }
        layer.bias.values.withUnsafeMutableBufferPointer { b in
            for k in 0..<b.count { b[k] -= rate * dB[k] }
        }
    }
}
