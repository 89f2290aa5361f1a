/// The line's mean squared error built from tracked values, so `backward()` can find
/// ∂loss/∂a and ∂loss/∂b by the chain rule:
///
///     loss = (1/N) Σₖ (a·xₖ + b − yₖ)²
///
/// The data are plain numbers (constants); only `slope` and `intercept` receive gradients.
public func trackedMeanSquaredError(slope a: Value, intercept b: Value, on data: LineData) -> Value {
    var total = Value(0)
    for k in 0..<data.count {
        let error = a * data.x[k] + b - data.y[k]
        total = total + error * error
    }
    return total / Double(data.count)
}
