// Reference solution of exercise 12 · The gradient of the line's loss (lesson 6).
// The task is in Exercises/Sources/Exercises/E12_LineGradient.swift.
//
// Why it works: By the chain rule, d/da (a·x + b − y)² = 2(a·x + b − y)·x and d/db = 2(a·x + b −
//   y); the loss is a mean, so its gradient is the mean of these.
// Common mistakes: y − (a·x + b) as the error (the gradient's sign flips), forgetting the factor x
//   in ∂/∂a, or forgetting to divide by N.

public func lineLossGradient(a: Double, b: Double, x: [Double], y: [Double]) -> (da: Double, db: Double) {
    var da = 0.0
    var db = 0.0
    for k in x.indices {
        let error = a * x[k] + b - y[k]
        da += 2 * error * x[k]
        db += 2 * error
    }
    let n = Double(x.count)
    return (da / n, db / n)
}
