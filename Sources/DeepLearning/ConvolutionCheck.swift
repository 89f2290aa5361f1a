import Foundation

/// The backward pass of a `ConvolutionalNetwork` against central differences of its loss, at a
/// few parameters: for each index k,
///
///     numeric_k = (L(θ + h·e_k) − L(θ − h·e_k)) / 2h,    relative difference = |a_k − numeric_k| / max(|a_k| + |numeric_k|, 1e−8)
///
/// with h = 1e−5. Returns the worst relative difference over the checked parameters.
public func convolutionalGradientCheck(
    _ network: ConvolutionalNetwork, images: Matrix, labels: [Int],
    parameters indices: [Int]
) -> Double {
    let analytic = ConvolutionalNetwork.flattened(
        network.gradients(of: network.forward(images), labels: labels).gradients)
    let h = 1e-5
    var worst = 0.0
    for k in indices {
        var up = network
        var down = network
        up.parameters[k] += h
        down.parameters[k] -= h
        let numeric = (up.loss(images, labels: labels) - down.loss(images, labels: labels)) / (2 * h)
        worst = max(worst, abs(analytic[k] - numeric) / max(abs(analytic[k]) + abs(numeric), 1e-8))
    }
    return worst
}

/// Whether a gradient check's worst relative difference says the backward pass is right:
/// below 1e−6 the two agree to rounding and truncation (h² ≈ 1e−10 relative), above it something
/// in the backward pass differs from the loss it claims to differentiate (or a ReLU sat at its kink).
public enum GradientCheckVerdict: Sendable, Equatable {
    case agree, disagree

    /// `.agree` when worst < 1e−6, else `.disagree` (NaN disagrees).
    public init(worstRelativeDifference worst: Double) {
        self = worst < 1e-6 ? .agree : .disagree
    }
}

/// How a test accuracy compares with a target such as the 98 % the course aims for:
/// reached when accuracy ≥ target, otherwise missed by (target − accuracy).
public enum TargetVerdict: Sendable, Equatable {
    case reached
    case missed(by: Double)

    /// Compares `accuracy` with `target` (both as fractions); NaN misses by NaN.
    public init(accuracy: Double, target: Double) {
        self = accuracy >= target ? .reached : .missed(by: target - accuracy)
    }
}

/// Why every filter of a convolutional network ended switched off (each outputs a negative
/// number everywhere, so ReLU passes nothing back: dead ReLUs).
public enum DeadFiltersCause: Sendable, Equatable {
    /// The peak rate was above the usual one: steps too big threw the filters there.
    case stepsTooBig
    /// The peak rate was the usual one or below: not the rate's fault but an unlucky push, which
    /// is likelier the fewer filters there are to share the risk.
    case unluckyPush
}

/// Reads the cause of dead filters from the peak rate against the usual one:
///
///     peakRate > usualRate → .stepsTooBig,  otherwise → .unluckyPush
public func deadFiltersCause(peakRate: Double, usualRate: Double) -> DeadFiltersCause {
    peakRate > usualRate ? .stepsTooBig : .unluckyPush
}

/// Whether a target missed by `by` (a fraction, as in `TargetVerdict.missed(by:)`) is a miss
/// that one start's luck could explain: by ≤ 2 × the start-to-start standard deviation of the
/// accuracy (a fraction too). A larger miss is the recipe's, not the draw's.
public func missIsWithinSpread(by: Double, standardDeviation: Double) -> Bool {
    by <= 2 * standardDeviation
}

/// The fewest decimals d, from `minimum` to `maximum`, for which 100·accuracy rounded to d
/// decimals lies on the same side of 100·target as the accuracy itself (at or above when
/// accuracy ≥ target, below otherwise), so that 1761/1797 = 97.997 % is not printed as
/// "98.00 %" next to "misses the aim of 98 %". `maximum` when no d in the range does.
public func decimalsKeepingSide(of accuracy: Double, target: Double, minimum: Int = 2, maximum: Int = 6) -> Int {
    let reached = accuracy >= target
    for d in minimum...max(minimum, maximum) {
        let scale = pow(10, Double(d))
        let shown = (100 * accuracy * scale).rounded() / scale
        if (shown >= 100 * target) == reached { return d }
    }
    return max(minimum, maximum)
}
