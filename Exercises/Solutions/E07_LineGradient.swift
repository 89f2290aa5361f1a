// Reference solution of exercise 7 · The gradient of the line's loss (lesson 6).
// The task is in Exercises/Sources/Exercises/E07_LineGradient.swift.

public func lineLossGradient(a: Double, b: Double, x: [Double], y: [Double]) -> (da: Double, db: Double) {
    var da = 0.0, db = 0.0
    for k in x.indices {
        let error = a * x[k] + b - y[k]
        da += 2 * error * x[k]
        db += 2 * error
    }
    let n = Double(x.count)
    return (da / n, db / n)
}
