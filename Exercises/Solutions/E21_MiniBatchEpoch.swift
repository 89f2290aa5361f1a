// Reference solution of exercise 21 · One epoch of mini-batch gradient descent (lesson 9).
// The task is in Exercises/Sources/Exercises/E21_MiniBatchEpoch.swift.
//
// Why it works: The loss on a batch is the mean of its m points' losses, so its gradient is the
//   mean of their gradients 2(a·x + b − y)·(x, 1), over the batch's indices only. The epoch steps
//   once per batch from where the last step ended; with one batch of all N points it is exactly
//   one step of plain gradient descent.
// Common mistakes: dividing by the number of all the points instead of the batch's m (the steps
//   shrink), looping over 0..<m instead of over the batch's indices (always the first points), or
//   using every point (then each step is a full-batch step).

public func batchGradient(a: Double, b: Double, x: [Double], y: [Double], batch: [Int]) -> (da: Double, db: Double) {
    var da = 0.0
    var db = 0.0
    for k in batch {
        let error = a * x[k] + b - y[k]
        da += 2 * error * x[k]
        db += 2 * error
    }
    let m = Double(batch.count)
    return (da / m, db / m)
}

public func miniBatchEpoch(
    a: Double, b: Double, x: [Double], y: [Double], batches: [[Int]],
    learningRate: Double
) -> (a: Double, b: Double) {
    var a = a
    var b = b
    for batch in batches {
        let g = batchGradient(a: a, b: b, x: x, y: y, batch: batch)
        a -= learningRate * g.da
        b -= learningRate * g.db
    }
    return (a, b)
}
