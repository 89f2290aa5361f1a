import Foundation

/// The result of comparing backprop's gradients with central differences.
public struct GradientCheckReport: Sendable {
    /// The largest relative difference |g − ĝ| / max(|g| + |ĝ|, floor) over all parameters.
    public var worstRelativeDifference: Double
    /// Where it is: layer (from 1), "weight" or "bias", row and column.
    public var worstLocation: (layer: Int, kind: String, row: Int, column: Int)
    /// How many parameters were compared.
    public var parametersChecked: Int
}

/// The floor under the relative difference's denominator: where both gradients are below it,
/// the comparison is taken as absolute, so a true 0 against a rounding-level 1e−11 counts as
/// agreement instead of a 100 % relative error.
public let gradientCheckFloor = 1e-8

/// Checks every parameter of `network` on (input, target): backprop's ∂loss/∂p for the mean
/// squared error against a finite difference of the loss (`fourthOrderDifferenceGradient`,
/// accurate to about 10⁻¹², so that even small gradients can be compared to six digits), and
/// reports the worst relative difference
/// |g − ĝ| / max(|g| + |ĝ|, `gradientCheckFloor`) and where it is.
public func gradientCheck(_ network: Network, input: Matrix, target: Matrix) -> GradientCheckReport {
    let analytic = Network.flatten(network.lossAndGradients(input: input, target: target).gradients)
    var probe = network
    let numeric = fourthOrderDifferenceGradient(
        of: { p in
            probe.parameters = p
            return meanSquaredError(predicted: probe(input), expected: target)
        }, at: network.parameters)
    var worst = 0.0
    var worstIndex = 0
    for i in analytic.indices {
        let difference = abs(analytic[i] - numeric[i]) / max(abs(analytic[i]) + abs(numeric[i]), gradientCheckFloor)
        if difference > worst { (worst, worstIndex) = (difference, i) }
    }
    // Translate the flat index back into (layer, weight or bias, row, column).
    var offset = worstIndex
    var location = (layer: 1, kind: "weight", row: 0, column: 0)
    for (l, layer) in network.layers.enumerated() {
        let w = layer.weights.values.count
        let b = layer.bias.values.count
        if offset < w {
            location = (l + 1, "weight", offset / layer.outputSize, offset % layer.outputSize)
            break
        } else if offset < w + b {
            location = (l + 1, "bias", 0, offset - w)
            break
        }
        offset -= w + b
    }
    return GradientCheckReport(
        worstRelativeDifference: worst, worstLocation: location,
        parametersChecked: analytic.count)
}
