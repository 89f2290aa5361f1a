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

    /// Applies one update to every layer of `network` (`NetworkOptimizer.step(_:with:)`, which
    /// checks the gradients' shapes; plain SGD keeps no state between steps).
    public func update(_ network: inout Network, with gradients: [LayerGradient]) {
        var optimizer = self
        optimizer.step(&network, with: gradients)
    }

    /// One layer's update in place, element by element: W ← W − lr·(dW + λW), B ← B − lr·dB.
    /// (The training workspace calls this with its own buffers.)
    func step(
        _ layer: inout Dense, weightGradient dW: UnsafeBufferPointer<Double>,
        biasGradient dB: UnsafeBufferPointer<Double>
    ) {
        let (rate, decay) = (learningRate, weightDecay)
        layer.weights.values.withUnsafeMutableBufferPointer { w in
            for k in 0..<w.count { w[k] -= rate * (dW[k] + decay * w[k]) }
        }
        layer.bias.values.withUnsafeMutableBufferPointer { b in
            for k in 0..<b.count { b[k] -= rate * dB[k] }
        }
    }
}
