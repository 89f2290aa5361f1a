/// The mean squared error of one output vector Y against the expected Z, both of size n:
///
///     MSE(Y, Z) = (1/n) Σᵢ (zᵢ − yᵢ)²
///
/// Squaring makes an error of −4 as bad as one of +4, so errors above and below cannot cancel,
/// and it is smooth, so its derivative is easy: ∂MSE/∂yᵢ = 2(yᵢ − zᵢ)/n.
public func meanSquaredError(predicted: [Double], expected: [Double]) -> Double {
    precondition(
        predicted.count == expected.count,
        "MSE needs as many predictions as expected values, got \(predicted.count) and \(expected.count)")
    precondition(!predicted.isEmpty, "MSE of no values is undefined")
    var sum = 0.0
    for i in predicted.indices {
        let error = expected[i] - predicted[i]
        sum += error * error
    }
    return sum / Double(predicted.count)
}

/// ∂MSE/∂yᵢ = 2(yᵢ − zᵢ)/n for one output vector.
public func meanSquaredErrorGradient(predicted: [Double], expected: [Double]) -> [Double] {
    precondition(
        predicted.count == expected.count,
        "MSE needs as many predictions as expected values, got \(predicted.count) and \(expected.count)")
    let n = Double(predicted.count)
    return zip(predicted, expected).map { 2 * ($0 - $1) / n }
}

/// The total loss over N samples, one per row: the mean of each sample's MSE,
///
///     loss = (1/N) Σₖ MSE(Yₖ, Zₖ) = (1/(N·n_out)) Σₖ Σᵢ (zₖᵢ − yₖᵢ)²
///
/// which is the mean of all the squared errors, since every row has n_out of them.
public func meanSquaredError(predicted: Matrix, expected: Matrix) -> Double {
    precondition(
        predicted.rows == expected.rows && predicted.columns == expected.columns,
        "MSE needs predictions and targets of the same shape, got \(predicted.shape) and \(expected.shape)")
    return meanSquaredError(predicted: predicted.values, expected: expected.values)
}

/// ∂loss/∂Y for the total loss above: 2(Y − Z)/(N·n_out), shaped like Y.
public func meanSquaredErrorGradient(predicted: Matrix, expected: Matrix) -> Matrix {
    precondition(
        predicted.rows == expected.rows && predicted.columns == expected.columns,
        "MSE needs predictions and targets of the same shape, got \(predicted.shape) and \(expected.shape)")
    return Matrix(
        rows: predicted.rows, columns: predicted.columns,
        values: meanSquaredErrorGradient(predicted: predicted.values, expected: expected.values))
}
