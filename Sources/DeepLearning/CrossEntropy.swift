import Foundation

/// The cross-entropy of predicted probabilities p against a target distribution y (one-hot for
/// a labelled sample):
///
///     L = −Σₖ yₖ log pₖ
///
/// For a one-hot y this is −log p_label: 0 when the right class gets probability 1, log K when
/// all K classes get 1/K, and without bound as p_label → 0. A term with yₖ = 0 adds nothing, even
/// when pₖ = 0.
public func crossEntropy(probabilities p: [Double], target y: [Double]) -> Double {
    precondition(
        p.count == y.count, "Cross-entropy needs as many probabilities as targets, got \(p.count) and \(y.count)")
    var sum = 0.0
    for k in p.indices where y[k] != 0 { sum -= y[k] * log(p[k]) }
    return sum
}

/// The cross-entropy of softmax(z) against y, straight from the scores z and stable for any
/// finite scores:
///
///     L = −Σₖ yₖ log softmax(z)ₖ = Σₖ yₖ (logΣⱼ e^(zⱼ) − zₖ)
///
/// (with Σₖ yₖ = 1 this is logΣⱼ e^(zⱼ) − Σₖ yₖ zₖ). Its gradient is ∂L/∂zₖ = pₖ − yₖ.
public func softmaxCrossEntropy(scores z: [Double], target y: [Double]) -> Double {
    precondition(z.count == y.count, "Cross-entropy needs as many scores as targets, got \(z.count) and \(y.count)")
    let lse = logSumExp(z)
    var sum = 0.0
    for k in z.indices where y[k] != 0 { sum += y[k] * (lse - z[k]) }
    return sum
}

/// ∂L/∂z of `softmaxCrossEntropy` for one sample:
///
///     ∂L/∂zₖ = pₖ − yₖ,   p = softmax(z)
///
/// (for a target whose entries sum to 1). Derivation: L = log Σⱼ e^(zⱼ) − Σⱼ yⱼ zⱼ, and
/// ∂/∂zₖ log Σⱼ e^(zⱼ) = e^(zₖ) / Σⱼ e^(zⱼ) = pₖ.
public func softmaxCrossEntropyGradient(scores z: [Double], target y: [Double]) -> [Double] {
    precondition(z.count == y.count, "The gradient needs as many scores as targets, got \(z.count) and \(y.count)")
    return zip(softmax(z), y).map { $0 - $1 }
}

/// The mean cross-entropy over N samples, one per row of the scores Z and the targets Y:
///
///     L = (1/N) Σᵢ Σₖ yᵢₖ (logΣⱼ e^(zᵢⱼ) − zᵢₖ)
public func softmaxCrossEntropy(scores: Matrix, targets: Matrix) -> Double {
    precondition(
        scores.rows == targets.rows && scores.columns == targets.columns,
        "Cross-entropy needs scores and targets of one shape, got \(scores.shape) and \(targets.shape)")
    precondition(scores.rows > 0, "The mean cross-entropy of no samples is undefined")
    var sum = 0.0
    for i in 0..<scores.rows { sum += softmaxCrossEntropy(scores: scores.row(i), target: targets.row(i)) }
    return sum / Double(scores.rows)
}

/// ∂L/∂Z of the mean cross-entropy over N rows:
///
///     ∂L/∂Z = (P − Y) / N,   P = softmax of each row of Z
public func softmaxCrossEntropyGradient(scores: Matrix, targets: Matrix) -> Matrix {
    precondition(
        scores.rows == targets.rows && scores.columns == targets.columns,
        "The gradient needs scores and targets of one shape, got \(scores.shape) and \(targets.shape)")
    var p = softmaxOfRows(scores)
    let n = Double(scores.rows)
    for k in p.values.indices { p.values[k] = (p.values[k] - targets.values[k]) / n }
    return p
}

/// The gradient that reaches a sigmoid output's score z through the squared error (a − y)²,
/// a = σ(z):
///
///     ∂(a − y)²/∂z = 2(a − y) · σ′(z) = 2(a − y) · a(1 − a)
///
/// The factor a(1 − a) is at most ¼ and goes to 0 as a → 0 or 1, also when a is confidently
/// wrong, which is why sigmoid with squared error learns slowly from its worst mistakes.
public func squaredErrorGradientThroughSigmoid(score z: Double, target y: Double) -> Double {
    let a = sigmoid(z)
    return 2 * (a - y) * a * (1 - a)
}
