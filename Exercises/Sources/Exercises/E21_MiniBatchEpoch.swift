// Exercise 21 · One epoch of mini-batch gradient descent
// Lesson: 9 (swift run lesson-9; Lessons/09-MiniBatches/README.md)
//
// A worked example with one step left out. `miniBatchEpoch` below is complete: it fits the line
// y = a·x + b by taking one step per batch, each batch a list of indices into the points, and
// each step starting from where the previous one ended. The step left out is `batchGradient`:
// the gradient of the loss on one batch of m points k₁ … k_m, the mean over the batch only,
//
//     ∂loss′/∂a = (1/m) Σ_q 2(a·x[k_q] + b − y[k_q])·x[k_q]
//     ∂loss′/∂b = (1/m) Σ_q 2(a·x[k_q] + b − y[k_q])
//
// Write `batchGradient`. With the points x = (0, 1, 2, 3), y = (1, 3, 5, 7) and the batch [3, 0]
// at a = b = 0 it gives (−21, −8); an epoch of batches [[3, 0], [1, 2]] at lr 0.1 then ends at
// (a, b) = (2.11, 0.81).
//
// Hint: Loop over the batch's indices, `for k in batch`, and use x[k] and y[k]; the points that
//       are not in the batch play no part. Divide by batch.count, the m of this batch, not by the
//       number of all the points.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E21 (in Exercises/).

/// The gradient of the mean squared error of the line on the points whose indices are in `batch`.
public func batchGradient(a: Double, b: Double, x: [Double], y: [Double], batch: [Int]) -> (da: Double, db: Double) {
    // Your code here: the step left out.
    return (0, 0)
}

/// One epoch: a step against each batch's gradient, in the order of `batches` (given; read it).
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
