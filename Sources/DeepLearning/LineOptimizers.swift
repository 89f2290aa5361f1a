import Foundation

/// The three ways lesson 14 walks down a loss surface given by its gradient.
public enum LineOptimizer: Sendable, Equatable {
    /// p ← p − lr·∇loss(p).
    case gradientDescent(learningRate: Double)
    /// v ← β·v + ∇loss(p), p ← p − lr·v (`momentumStep`).
    case momentum(learningRate: Double, beta: Double)
    /// Adam's four lines with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (`adamStep`).
    case adam(learningRate: Double)
}

/// Runs `steps` steps of `optimizer` from `start`, keeping the parameters and loss after every
/// step, and stops as `gradientDescent` does when the loss is not finite or grows past
/// `divergenceFactor` × max(loss at the start, 1).
public func descend(
    start: [Double], steps: Int, optimizer: LineOptimizer,
    loss: ([Double]) -> Double, gradient: ([Double]) -> [Double]
) -> DescentHistory {
    var velocity = Array(repeating: 0.0, count: start.count)
    var moments = AdamMoments(count: start.count)
    return runDescent(start: start, steps: steps, loss: loss) { p, _ in
        let g = gradient(p)
        switch optimizer {
        case .gradientDescent(let rate):
            p = gradientDescentStep(parameters: p, gradient: g, learningRate: rate)
        case .momentum(let rate, let beta):
            (p, velocity) = momentumStep(
                parameters: p, velocity: velocity, gradient: g, learningRate: rate, momentum: beta)
        case .adam(let rate):
            p = adamStep(parameters: p, moments: &moments, gradient: g, learningRate: rate)
        }
    }
}

extension DescentHistory {
    /// The first step from which on the parameters stay within `tolerance` of `target`
    /// (Euclidean distance ‖p − target‖ ≤ tolerance at that step and every later one), or nil if
    /// the run ends outside or diverged. A path that passes through and leaves again does not count.
    public func firstStep(stayingWithin tolerance: Double, of target: [Double]) -> Int? {
        guard outcome == .finished else { return nil }
        var first: Int?
        for (t, p) in parameters.enumerated() {
            if euclideanDistance(p, target) <= tolerance {
                if first == nil { first = t }
            } else {
                first = nil
            }
        }
        return first
    }
}

/// The best constant settings on a bowl whose curvatures are λ_max (steep) and λ_min (shallow),
/// for a quadratic loss such as the line's (Polyak, 1964), with κ = λ_max/λ_min:
///
///     gradient descent:  lr = 2/(λ_max + λ_min),  distance × (κ − 1)/(κ + 1) per step
///     momentum:          lr = 4/(√λ_max + √λ_min)²,  β = ((√κ − 1)/(√κ + 1))²,
///                        distance × about (√κ − 1)/(√κ + 1) per step
///
/// (momentum in the form v ← βv + ∇, p ← p − lr·v). The square roots are why momentum helps
/// most in a long narrow valley: for κ = 100 a step keeps 98 % of the distance without it, 82 % with it.
public func bestBowlSettings(steep: Double, shallow: Double)
    -> (descentRate: Double, descentFactor: Double, momentumRate: Double, momentumBeta: Double, momentumFactor: Double)
{
    precondition(steep >= shallow && shallow > 0, "Need λ_max ≥ λ_min > 0, got \(steep) and \(shallow)")
    let kappa = steep / shallow
    let root = kappa.squareRoot()
    let factor = (root - 1) / (root + 1)
    return (
        2 / (steep + shallow), (kappa - 1) / (kappa + 1),
        4 / ((steep.squareRoot() + shallow.squareRoot()) * (steep.squareRoot() + shallow.squareRoot())),
        factor * factor, factor
    )
}

/// How many times fewer steps a descent that keeps `fast` of its distance per step needs than one
/// that keeps `slow`, in a long run: reaching a distance ε from d₀ takes about ln(ε/d₀)/ln q steps,
/// so the ratio of the two counts tends to
///
///     ln(fast) / ln(slow)        (0 < fast, slow < 1)
///
/// With the best settings of a bowl of condition number κ, slow = (κ − 1)/(κ + 1) for gradient
/// descent and fast ≈ (√κ − 1)/(√κ + 1) for momentum, which is why momentum's count grows with √κ.
public func longRunStepRatio(slow: Double, fast: Double) -> Double {
    precondition(slow > 0 && slow < 1 && fast > 0 && fast < 1, "factors per step must be in (0, 1)")
    return log(fast) / log(slow)
}
