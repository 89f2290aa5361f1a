/// One step of gradient descent with momentum (the "heavy ball"): a velocity v gathers the
/// gradients of past steps, each older one weighed by one more factor β, and the parameters move
/// along the velocity,
///
///     v ← β·v + ∇loss(p)
///     p ← p − lr·v
///
/// With β = 0 this is plain gradient descent. On a steady slope g the velocity grows towards
/// g/(1 − β), so the steps become 1/(1 − β) times longer (10× for β = 0.9); where the gradient
/// flips sign from step to step (a zigzag across a valley) the past and present cancel.
/// Returns the new parameters and the new velocity.
public func momentumStep(
    parameters: [Double], velocity: [Double], gradient: [Double],
    learningRate: Double, momentum beta: Double
) -> (parameters: [Double], velocity: [Double]) {
    precondition(
        parameters.count == gradient.count && velocity.count == gradient.count,
        "A step needs one gradient and one velocity per parameter, got \(parameters.count) parameters, \(velocity.count) velocities and \(gradient.count) gradients"
    )
    let v = zip(velocity, gradient).map { beta * $0 + $1 }
    return (zip(parameters, v).map { $0 - learningRate * $1 }, v)
}

/// Momentum for a network: every weight and bias keeps its own velocity (zero at the start),
///
///     V ← β·V + (dW + λ·W),   W ← W − lr·V        (the same for the biases B with dB, never decayed)
///
/// the rule of `momentumStep` on every parameter, the weights' gradient with the L2 weight decay
/// λ ≥ 0 of `StochasticGradientDescent` added (0 by default). See `momentumStep` for what β
/// does. The velocities are created at the first update, shaped like the layers they belong to.
public struct Momentum: NetworkOptimizer {
    /// lr.
    public var learningRate: Double
    /// β, the share of the last velocity kept at each step (0 ≤ β < 1; 0.9 is usual).
    public var momentum: Double
    /// λ, the L2 weight decay added to the weights' gradients (0: none).
    public var weightDecay: Double
    /// Each layer's weight velocity and bias velocity, flat, in the layers' order.
    public private(set) var weightVelocities: [[Double]] = []
    public private(set) var biasVelocities: [[Double]] = []

    /// An optimiser with rate lr, momentum β and weight decay λ, its velocities zero.
    public init(learningRate: Double, momentum: Double = 0.9, weightDecay: Double = 0) {
        precondition(momentum >= 0 && momentum < 1, "Momentum β must be in 0 ≤ β < 1, got \(momentum)")
        precondition(weightDecay >= 0, "Weight decay λ must be ≥ 0, got \(weightDecay)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// V ← βV + (dW + λW), W ← W − lr·V, and V ← βV + dB, B ← B − lr·V, on layer `index`.
    public mutating func updateLayer(
        _ index: Int, _ layer: inout Dense, weightGradient dW: UnsafeBufferPointer<Double>,
        biasGradient dB: UnsafeBufferPointer<Double>
    ) {
        while weightVelocities.count <= index {
            weightVelocities.append([])
            biasVelocities.append([])
        }
        if weightVelocities[index].count != dW.count { weightVelocities[index] = Array(repeating: 0, count: dW.count) }
        if biasVelocities[index].count != dB.count { biasVelocities[index] = Array(repeating: 0, count: dB.count) }
        let (rate, beta) = (learningRate, momentum)
        func move(
            _ values: inout [Double], _ velocity: inout [Double], _ gradient: UnsafeBufferPointer<Double>,
            decay: Double
        ) {
            values.withUnsafeMutableBufferPointer { p in
                velocity.withUnsafeMutableBufferPointer { v in
                    // Without decay the term is left out, not added as 0·p (which would be NaN for p = ±∞).
                    if decay == 0 {
                        for k in 0..<p.count {
                            v[k] = beta * v[k] + gradient[k]
                            p[k] -= rate * v[k]
                        }
                    } else {
                        for k in 0..<p.count {
                            v[k] = beta * v[k] + (gradient[k] + decay * p[k])
                            p[k] -= rate * v[k]
                        }
                    }
                }
            }
        }
        move(&layer.weights.values, &weightVelocities[index], dW, decay: weightDecay)
        move(&layer.bias.values, &biasVelocities[index], dB, decay: 0)
    }
}
