import Foundation

/// How sharply the line's loss bends: the two eigenvalues of its Hessian
///
///     H = (2/N) [[Σ xₖ², Σ xₖ], [Σ xₖ, N]]
///
/// The loss (1/N) Σ (a·xₖ + b − yₖ)² is a quadratic bowl, so H is the same everywhere. Along the
/// eigenvector of an eigenvalue λ, one step of gradient descent with rate lr multiplies the
/// distance to the bottom by the factor 1 − lr·λ: the steep direction (λ_max) sets the largest
/// safe rate, the shallow one (λ_min) how slowly a safe rate finishes.
public struct LineLossCurvature: Sendable, Equatable {
    /// λ_min, the curvature along the valley floor.
    public var shallow: Double
    /// λ_max, the curvature across the valley.
    public var steep: Double
    /// The entries of H = [[p, q], [q, r]], kept for the eigenvectors.
    private var p, q, r: Double

    /// The eigenvalues of H for these points, from the 2 × 2 formula
    /// λ = (p + r)/2 ± √(((p − r)/2)² + q²) with H = [[p, q], [q, r]].
    public init(_ data: LineData) {
        let n = Double(data.count)
        let sxx = data.x.map { $0 * $0 }.reduce(0, +)
        let sx = data.x.reduce(0, +)
        let (p, q, r) = (2 * sxx / n, 2 * sx / n, 2.0)
        (self.p, self.q, self.r) = (p, q, r)
        let mean = (p + r) / 2
        let radius = (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()
        steep = mean + radius
        // λ_min = det H / λ_max avoids the cancellation of mean − radius.
        shallow = (p * r - q * q) / steep
    }

    /// The largest stable constant rate, 2/λ_max: below it |1 − lr·λ| < 1 in every direction.
    public var stableLimit: Double { 2 / steep }

    /// The factor 1 − lr·λ_max by which one step multiplies the distance across the valley
    /// (negative: the step lands on the other side).
    public func steepFactor(learningRate lr: Double) -> Double { 1 - lr * steep }

    /// The factor 1 − lr·λ_min by which one step multiplies the distance along the valley.
    public func shallowFactor(learningRate lr: Double) -> Double { 1 - lr * shallow }

    /// max(|1 − lr·λ_min|, |1 − lr·λ_max|): the distance to the bottom after t steps is at most
    /// this to the power t times the distance at the start (above 1: it grows).
    public func slowestFactor(learningRate lr: Double) -> Double {
        max(abs(steepFactor(learningRate: lr)), abs(shallowFactor(learningRate: lr)))
    }

    /// The number of steps after which the distance to the bottom is sure to be at most
    /// `target`, starting `distance` away: the least t with ρᵗ · distance ≤ target, where
    /// ρ = `slowestFactor`. Nil when ρ ≥ 1 (the rate never gets there).
    public func stepsToReach(distance target: Double, from distance: Double, learningRate lr: Double) -> Int? {
        let rho = slowestFactor(learningRate: lr)
        guard rho < 1, target > 0 else { return nil }
        if distance <= target { return 0 }
        if rho == 0 { return 1 }
        return Int((log(target / distance) / log(rho)).rounded(.up))
    }

    /// The parts of a displacement d = (a − a*, b − b*) from the bottom along H's two unit
    /// eigenvectors: `across` along λ_max's (across the valley) and `along` along λ_min's (the
    /// valley floor). They satisfy
    ///
    ///     |d|² = across² + along²,   loss − lowest loss = (λ_max·across² + λ_min·along²) / 2
    ///
    /// The steep eigenvector is (q, λ_max − p) normalised (or (λ_max − r, q) when that is 0);
    /// the shallow one is perpendicular to it. Signs follow those vectors and carry no meaning.
    public func split(_ displacement: [Double]) -> (across: Double, along: Double) {
        precondition(displacement.count == 2, "A line has 2 parameters, got a displacement of \(displacement.count)")
        var v = (q, steep - p)
        if (v.0 * v.0 + v.1 * v.1).squareRoot() < 1e-12 * max(1, abs(steep)) { v = (steep - r, q) }
        var length = (v.0 * v.0 + v.1 * v.1).squareRoot()
        if length < 1e-12 * max(1, abs(steep)) {
            v = (1, 0)
            length = 1
        }
        let steepDirection = (v.0 / length, v.1 / length)
        let across = displacement[0] * steepDirection.0 + displacement[1] * steepDirection.1
        let along = -displacement[0] * steepDirection.1 + displacement[1] * steepDirection.0
        return (across, along)
    }
}

extension DescentHistory {
    /// Whether a line fit's run crosses the floor of the loss's valley at every one of the last
    /// `count` steps: the part of p − p* across the valley, `curvature.split(p − p*).across`,
    /// changes sign at each step,
    ///
    ///     across(pₜ) · across(pₜ₊₁) < 0   for each of the last `count` steps.
    ///
    /// One parameter crossing its best value (`alternates(parameter:around:lastSteps:)`) misses
    /// this zigzag while the run is still far along the floor: b can then stay on one side of b*.
    public func zigzagsAcrossValley(_ curvature: LineLossCurvature, bottom: [Double], lastSteps count: Int) -> Bool {
        let tail = parameters.suffix(count + 1).map {
            curvature.split([$0[0] - bottom[0], $0[1] - bottom[1]]).across
        }
        guard tail.count == count + 1 else { return false }
        return zip(tail, tail.dropFirst()).allSatisfy { $0 * $1 < 0 }
    }

    /// A line fit's verdict against the lowest possible loss (`descentVerdict`), with its zigzag
    /// read across the valley at each of the last 10 steps (`zigzagsAcrossValley`).
    public func verdict(
        lowestLoss: Double, curvature: LineLossCurvature, bottom: [Double], tolerance: Double = 0.01
    ) -> DescentVerdict {
        descentVerdict(
            losses: losses, outcome: outcome, lowestLoss: lowestLoss,
            alternates: zigzagsAcrossValley(curvature, bottom: bottom, lastSteps: 10), tolerance: tolerance)
    }
}
