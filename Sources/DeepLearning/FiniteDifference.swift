/// The step h used by `centralDifferenceGradient` when none is given.
///
/// The central difference has a truncation error of about h²·f‴/6 and a rounding error of about
/// ε·|f|/h, with ε ≈ 2.2 × 10⁻¹⁶ the spacing of doubles near 1. The two balance near
/// h = ε^(1/3) ≈ 6 × 10⁻⁶; 10⁻⁵ is that size, rounded, and leaves about ten correct digits.
public let defaultFiniteDifferenceStep = 1e-5

/// The slope of a one-variable function estimated by a central difference,
///
///     f′(x) ≈ (f(x + h) − f(x − h)) / (2h)
///
/// exact for any quadratic (up to rounding), with an error of order h² otherwise.
public func centralDifference(of f: (Double) -> Double, at x: Double,
                              step h: Double = defaultFiniteDifferenceStep) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

/// The gradient of a function of several parameters by central differences, one parameter at
/// a time:
///
///     ∂f/∂pᵢ ≈ (f(p + h·eᵢ) − f(p − h·eᵢ)) / (2h)
///
/// Cost: 2 evaluations of f per parameter, so 2t evaluations for t parameters. That is fine
/// for the two parameters of a line and hopeless for the millions of a real network.
public func centralDifferenceGradient(of f: ([Double]) -> Double, at parameters: [Double],
                                      step h: Double = defaultFiniteDifferenceStep) -> [Double] {
    var nudged = parameters
    var gradient = [Double](repeating: 0, count: parameters.count)
    for i in parameters.indices {
        nudged[i] = parameters[i] + h
        let up = f(nudged)
        nudged[i] = parameters[i] - h
        let down = f(nudged)
        nudged[i] = parameters[i]
        gradient[i] = (up - down) / (2 * h)
    }
    return gradient
}
