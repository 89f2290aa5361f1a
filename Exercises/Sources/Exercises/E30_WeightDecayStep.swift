// Exercise 30 · One SGD step with weight decay
// Lesson: 12 (swift run lesson-12; Lessons/12-Generalisation/README.md)
//
// Another cure for overfitting: L2 weight decay adds λ/2 · Σ w² to the loss, so that large
// weights cost something. Its gradient is λ·w, and one step of stochastic gradient descent
// becomes, in the course's convention (the core's StochasticGradientDescent),
//
//     w ← w − lr · (∂loss/∂w + λ·w)       for every weight
//     b ← b − lr · ∂loss/∂b               for every bias: biases are not decayed
//
// with λ ≥ 0 the weight decay (λ = 0 is plain SGD). Written as w ← (1 − lr·λ)·w − lr·∂loss/∂w,
// each step first shrinks every weight a little towards 0.
//
// Write `sgdStep`, returning the new weights and biases (`weightGradients[i]` belongs to
// `weights[i]`, `biasGradients[i]` to `biases[i]`).
//
// Hint: One loop over the weights: weights[i] − learningRate * (weightGradients[i] +
//       weightDecay * weights[i]), using the weight from before the step. A second loop for the
//       biases, without the decay term.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E30 (in Exercises/).

public func sgdStep(
    weights: [Double], weightGradients: [Double], biases: [Double], biasGradients: [Double],
    learningRate: Double, weightDecay: Double
) -> (weights: [Double], biases: [Double]) {
    // Your code here.
    return (weights, biases)
}
