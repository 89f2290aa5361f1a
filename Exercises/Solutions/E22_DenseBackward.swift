// Reference solution of exercise 22 · A linear layer's backward pass (lesson 10).
// The task is in Exercises/Sources/Exercises/E22_DenseBackward.swift.
//
// Why it works: Z = XW + B means Z[n][i] = Σₖ X[n][k]·W[k][i] + B[i]; each gradient is the sum over
//   every place its variable appears, weighted by the other factor: that gives Xᵀ·dZ, the column
//   sums of dZ, and dZ·Wᵀ.
// Common mistakes: wrong shapes (dW must have W's shape, dX must have X's), W[i][k] instead of
//   W[k][i], or averaging dB over the batch when dZ already carries the 1/N.

public func linearBackward(input: [[Double]], weights: [[Double]], outputGradient: [[Double]])
    -> (inputGradient: [[Double]], weightGradient: [[Double]], biasGradient: [Double])
{
    let batch = input.count
    let nIn = weights.count
    let nOut = weights.first?.count ?? 0
    var dX = Array(repeating: Array(repeating: 0.0, count: nIn), count: batch)
    var dW = Array(repeating: Array(repeating: 0.0, count: nOut), count: nIn)
    var dB = Array(repeating: 0.0, count: nOut)
    for n in 0..<batch {
        for i in 0..<nOut {
            dB[i] += outputGradient[n][i]
            for k in 0..<nIn {
                dW[k][i] += input[n][k] * outputGradient[n][i]
                dX[n][k] += outputGradient[n][i] * weights[k][i]
            }
        }
    }
    return (dX, dW, dB)
}
