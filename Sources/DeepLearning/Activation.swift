import Foundation

// MARK: - The activation functions, one by one

/// The rectified linear unit, ReLU(x) = max(0, x).
public func relu(_ x: Double) -> Double {
    x > 0 ? x : 0
}

/// ReLU′(x) = 1 for x > 0 and 0 for x < 0. At x = 0 the derivative does not exist; like most
/// libraries the course uses 0 there.
public func reluDerivative(_ x: Double) -> Double {
    x > 0 ? 1 : 0
}

/// Softplus, a smooth ReLU: softplus(x) = ln(1 + eˣ), whose derivative is exactly σ(x).
///
/// Computed as x + ln(1 + e⁻ˣ) for x > 0 and ln(1 + eˣ) otherwise, so eˣ never overflows:
/// softplus(1000) is 1000 and softplus(−1000) is 0 (lesson 2 tries it as another activation).
public func softplus(_ x: Double) -> Double {
    x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
}

/// The sigmoid (logistic) function, σ(x) = eˣ / (1 + eˣ) = 1 / (1 + e⁻ˣ).
///
/// Computed as 1 / (1 + e⁻ˣ) for x ≥ 0 and as eˣ / (1 + eˣ) for x < 0, so the exponential
/// never overflows: σ(1000) is exactly 1 and σ(−1000) is exactly 0, never `nan`.
public func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
        return 1 / (1 + exp(-x))
    } else {
        let e = exp(x)
        return e / (1 + e)
    }
}

/// σ′(x) = σ(x) · (1 − σ(x)).
public func sigmoidDerivative(_ x: Double) -> Double {
    let s = sigmoid(x)
    return s * (1 - s)
}

/// tanh′(x) = 1 − tanh²(x).
public func tanhDerivative(_ x: Double) -> Double {
    let t = tanh(x)
    return 1 - t * t
}

// MARK: - Activation as a value a layer holds

/// The function f a neuron or a layer applies to its weighted sum, with its derivative f′.
public enum Activation: String, CaseIterable, Sendable {
    /// f(x) = x: no non-linearity at all.
    case identity
    /// f(x) = max(0, x).
    case relu
    /// f(x) = 1 / (1 + e⁻ˣ).
    case sigmoid
    /// f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ).
    case tanh

    /// f(x).
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .relu: return DeepLearning.relu(x)
        case .sigmoid: return DeepLearning.sigmoid(x)
        case .tanh: return Foundation.tanh(x)
        }
    }

    /// f′(x), the derivative at x (backprop multiplies by it, from lesson 6 on).
    public func derivative(_ x: Double) -> Double {
        switch self {
        case .identity: return 1
        case .relu: return reluDerivative(x)
        case .sigmoid: return sigmoidDerivative(x)
        case .tanh: return tanhDerivative(x)
        }
    }

    /// f applied to every element of a matrix. (The case is chosen once, outside the loop over
    /// the elements.)
    public func callAsFunction(_ z: Matrix) -> Matrix {
        switch self {
        case .identity: return z
        case .relu: return z.map(DeepLearning.relu)
        case .sigmoid: return sigmoidOfEveryElement(z)  // four at a time; see VectorizedSigmoid.swift
        case .tanh: return z.map(Foundation.tanh)
        }
    }

    /// dY ⊙ f′(Z) in one pass: the step of backprop that goes back through the activation.
    /// f′ is taken from the output Y = f(Z) where that is cheaper: σ′ = Y(1 − Y) and
    /// tanh′ = 1 − Y² need no second exponential; ReLU′ and the identity's derivative read Z.
    public func backward(_ outputGradient: Matrix, preactivation z: Matrix, output y: Matrix) -> Matrix {
        var result = outputGradient
        result.values.withUnsafeMutableBufferPointer { d in
            y.values.withUnsafeBufferPointer { out in
                z.values.withUnsafeBufferPointer { pre in backward(d, preactivation: pre, output: out) }
            }
        }
        return result
    }

    /// `backward` in place on raw buffers: d ← d ⊙ f′, with f′ from Y or Z as above. (The training
    /// workspace calls this directly; one body, so both give the same bits.)
    func backward(
        _ d: UnsafeMutableBufferPointer<Double>, preactivation pre: UnsafeBufferPointer<Double>,
        output out: UnsafeBufferPointer<Double>
    ) {
        switch self {
        case .sigmoid: for k in 0..<d.count { d[k] *= out[k] * (1 - out[k]) }
        case .tanh: for k in 0..<d.count { d[k] *= 1 - out[k] * out[k] }
        case .relu: for k in 0..<d.count where !(pre[k] > 0) { d[k] = 0 }
        case .identity: break
        }
    }

    /// f applied to every element of `z`, written to `y` (the same length; it may be `z` itself).
    /// The same numbers as `callAsFunction(_: Matrix)`.
    func apply(_ z: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        switch self {
        case .identity: for k in 0..<z.count { y[k] = z[k] }
        case .relu: for k in 0..<z.count { y[k] = DeepLearning.relu(z[k]) }
        case .sigmoid:
            for k in 0..<z.count { y[k] = z[k] }
            sigmoidInPlace(y)
        case .tanh: for k in 0..<z.count { y[k] = Foundation.tanh(z[k]) }
        }
    }

    /// f′ applied to every element of a matrix.
    public func derivative(_ z: Matrix) -> Matrix {
        switch self {
        case .identity: return z.map { _ in 1 }
        case .relu: return z.map(reluDerivative)
        case .sigmoid: return z.map(sigmoidDerivative)
        case .tanh: return z.map(tanhDerivative)
        }
    }
}
