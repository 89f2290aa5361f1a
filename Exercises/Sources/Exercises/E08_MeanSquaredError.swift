// Exercise 8 · Mean squared error, one sample and a batch
// Lesson: 4 (swift run lesson-4; Lessons/04-Loss/README.md)
//
// The mean squared error of predictions y against targets z (both of length n):
//
//     MSE(y, z) = (1/n) Σᵢ (zᵢ − yᵢ)²
//
// and over a batch of samples (one row each), the mean of the rows' MSEs:
//
//     loss = (1/N) Σₖ MSE(Yₖ, Zₖ)
//
// Write both.
//
// Hint: Square each difference, add them up, divide by the count. For the batch, call your
//       `meanSquaredError` on each pair of rows and average the results.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E08 (in Exercises/).

public func meanSquaredError(predicted: [Double], expected: [Double]) -> Double {
    // Your code here.
    return -1
}

public func batchMeanSquaredError(predicted: [[Double]], expected: [[Double]]) -> Double {
    // Your code here.
    return -1
}
