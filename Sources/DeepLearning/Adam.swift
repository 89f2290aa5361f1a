import Foundation

/// Adam's running averages for a list of parameters: the first moment m (a running mean of the
/// gradient), the second moment s (a running mean of its square) and the step count t.
public struct AdamMoments: Sendable, Equatable {
    /// m, one per parameter.
    public var first: [Double]
    /// s, one per parameter.
    public var second: [Double]
    /// t, the number of steps taken so far.
    public var steps: Int

    /// Zero moments for `count` parameters, before any step.
    public init(count: Int) {
        first = Array(repeating: 0, count: count)
        second = Array(repeating: 0, count: count)
        steps = 0
    }
}

/// One step of Adam (Kingma and Ba, 2015), its four lines for each parameter with gradient g:
///
///     m ← β₁·m + (1 − β₁)·g            first moment: the gradient, averaged over recent steps
///     s ← β₂·s + (1 − β₂)·g²           second moment: its typical size squared
///     m̂ = m/(1 − β₁ᵗ),  ŝ = s/(1 − β₂ᵗ)  bias corrections: m and s start at 0, too small early on
///     p ← p − lr · m̂/(√ŝ + ε)           the step: about lr long wherever the gradient is steady
///
/// t counts steps from 1. At t = 1, m̂ = g and ŝ = g², so the first step is lr·g/(|g| + ε), of
/// size lr·sign(g) (up to ε) for every parameter, however big or small its gradient.
/// Usual values: β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Updates `moments` and returns the new parameters.
public func adamStep(
    parameters: [Double], moments: inout AdamMoments, gradient: [Double], learningRate: Double,
    beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8
) -> [Double] {
    precondition(
        parameters.count == gradient.count && moments.first.count == gradient.count,
        "A step needs one gradient and one pair of moments per parameter, got \(parameters.count) parameters, \(moments.first.count) moments and \(gradient.count) gradients"
    )
    moments.steps += 1
    let t = Double(moments.steps)
    let correction1 = 1 - pow(beta1, t)
    let correction2 = 1 - pow(beta2, t)
    var result = parameters
    for k in parameters.indices {
        let g = gradient[k]
        moments.first[k] = beta1 * moments.first[k] + (1 - beta1) * g
        moments.second[k] = beta2 * moments.second[k] + (1 - beta2) * g * g
        let mHat = moments.first[k] / correction1
        let sHat = moments.second[k] / correction2
        result[k] -= learningRate * mHat / (sHat.squareRoot() + epsilon)
    }
    return result
}

/// Adam for a network: every weight and bias has its own moments m and s (see `adamStep`),
///
///     M ← β₁M + (1 − β₁)dW,  S ← β₂S + (1 − β₂)dW²,  W ← W − lr·(M/(1 − β₁ᵗ)) / (√(S/(1 − β₂ᵗ)) + ε)
///
/// and the same for the biases; t counts each layer's updates from 1.
public struct Adam: NetworkOptimizer {
    /// lr, about the length of each parameter's step.
    public var learningRate: Double
    /// β₁, β₂, ε.
    public var beta1: Double, beta2: Double, epsilon: Double
    /// Each layer's moments: its weights' and its biases'.
    public private(set) var weightMoments: [AdamMoments] = []
    public private(set) var biasMoments: [AdamMoments] = []

    /// An optimiser with rate lr and the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8 unless given.
    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        precondition(
            beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0,
            "Adam needs 0 ≤ β₁, β₂ < 1 and ε > 0, got β₁ = \(beta1), β₂ = \(beta2), ε = \(epsilon)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Adam's four lines on every weight and bias of layer `index`.
    public mutating func updateLayer(
        _ index: Int, _ layer: inout Dense, weightGradient dW: UnsafeBufferPointer<Double>,
        biasGradient dB: UnsafeBufferPointer<Double>
    ) {
        while weightMoments.count <= index {
            weightMoments.append(AdamMoments(count: 0))
            biasMoments.append(AdamMoments(count: 0))
        }
        if weightMoments[index].first.count != dW.count { weightMoments[index] = AdamMoments(count: dW.count) }
        if biasMoments[index].first.count != dB.count { biasMoments[index] = AdamMoments(count: dB.count) }
        let (rate, b1, b2, eps) = (learningRate, beta1, beta2, epsilon)
        func move(_ values: inout [Double], _ moments: inout AdamMoments, _ gradient: UnsafeBufferPointer<Double>) {
            moments.steps += 1
            let t = Double(moments.steps)
            let c1 = 1 - pow(b1, t)
            let c2 = 1 - pow(b2, t)
            values.withUnsafeMutableBufferPointer { p in
                moments.first.withUnsafeMutableBufferPointer { m in
                    moments.second.withUnsafeMutableBufferPointer { s in
                        for k in 0..<p.count {
                            let g = gradient[k]
                            m[k] = b1 * m[k] + (1 - b1) * g
                            s[k] = b2 * s[k] + (1 - b2) * g * g
                            p[k] -= rate * (m[k] / c1) / ((s[k] / c2).squareRoot() + eps)
                        }
                    }
                }
            }
        }
        move(&layer.weights.values, &weightMoments[index], dW)
        move(&layer.bias.values, &biasMoments[index], dB)
    }
}
