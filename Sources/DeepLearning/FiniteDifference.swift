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
public func centralDifference(
    of f: (Double) -> Double, at x: Double,
    step h: Double = defaultFiniteDifferenceStep
) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

/// The gradient of a function of several parameters by central differences, one parameter at
/// a time:
///
///     ∂f/∂pᵢ ≈ (f(p + h·eᵢ) − f(p − h·eᵢ)) / (2h)
///
/// Cost: 2 evaluations of f per parameter, so 2t evaluations for t parameters. That is fine
/// for the two parameters of a line and hopeless for the millions of a real network.
public func centralDifferenceGradient(
    of f: ([Double]) -> Double, at parameters: [Double],
    step h: Double = defaultFiniteDifferenceStep
) -> [Double] {
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

/// A more accurate finite-difference gradient (Richardson extrapolation of two central
/// differences), used where backprop is checked to many digits:
///
///     ∂f/∂pᵢ ≈ [8(f(p + h·eᵢ) − f(p − h·eᵢ)) − (f(p + 2h·eᵢ) − f(p − 2h·eᵢ))] / (12h)
///
/// The h² error terms of the two central differences cancel, leaving an error of order h⁴.
/// With h = 10⁻³ that is about 10⁻¹², and rounding (≈ ε·|f|/h) about 10⁻¹³, where the plain
/// central difference manages about 10⁻¹⁰. Cost: 4 evaluations of f per parameter.
public func fourthOrderDifferenceGradient(
    of f: ([Double]) -> Double, at parameters: [Double],
    step h: Double = 1e-3
) -> [Double] {
    var nudged = parameters
    func value(_ i: Int, _ offset: Double) -> Double {
        nudged[i] = parameters[i] + offset
        defer { nudged[i] = parameters[i] }
        return f(nudged)
    }
    return parameters.indices.map { i in
        (8 * (value(i, h) - value(i, -h)) - (value(i, 2 * h) - value(i, -2 * h))) / (12 * h)
    }
}
