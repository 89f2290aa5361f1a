// Exercise 22 · A linear layer's backward pass
// Lesson: 10 (swift run lesson-10; Lessons/10-Backprop/README.md)
//
// A linear layer computes Z = XW + B for a batch X (N rows of n_in numbers), weights W
// (n_in × n_out) and biases B (n_out). Given dZ = ∂loss/∂Z (N × n_out), backprop gives
//
//     dW = Xᵀ · dZ        dW[k][i] = Σₙ X[n][k] · dZ[n][i]
//     dB = column sums     dB[i]    = Σₙ dZ[n][i]
//     dX = dZ · Wᵀ         dX[n][k] = Σᵢ dZ[n][i] · W[k][i]
//
// Write `linearBackward`, returning the three.
//
// Hint: Make zero arrays of the right shapes first: dX is N × n_in, dW is n_in × n_out, dB has n_out.
//       Then one triple loop over n, k, i can fill dW and dX at once: dW[k][i] += X[n][k]·dZ[n][i],
//       dX[n][k] += dZ[n][i]·W[k][i]; and dB[i] += dZ[n][i].
//
// Check it: swift run exercises (from the course folder), or swift test --filter E22 (in Exercises/).

public func linearBackward(input: [[Double]], weights: [[Double]], outputGradient: [[Double]])
    -> (inputGradient: [[Double]], weightGradient: [[Double]], biasGradient: [Double])
{
    // Your code here.
    return ([], [], [])
}
