// Reference solution of exercise 30 · One SGD step with weight decay (lesson 12).
// The task is in Exercises/Sources/Exercises/E30_WeightDecayStep.swift.
//
// Why it works: The decay term is the gradient of λ/2 · Σ w², λ·w, added to the loss's gradient
//   before the step, so w ← (1 − lr·λ)·w − lr·∂loss/∂w: with no gradient every weight shrinks by
//   the same factor towards 0, keeping its sign, and with λ = 0 it is the plain step. Biases only
//   shift each unit's input and are left out of the decay, as in the course's core.
// Common mistakes: decaying the biases too, 2λ·w (the derivative of λ·Σw², not of the course's
//   λ/2·Σw²), subtracting λ·w without the factor lr, or adding the decay term with the wrong sign
//   (the weights grow).

public func sgdStep(
    weights: [Double], weightGradients: [Double], biases: [Double], biasGradients: [Double],
    learningRate: Double, weightDecay: Double
) -> (weights: [Double], biases: [Double]) {
    var newWeights = weights
    var newBiases = biases
    for i in weights.indices {
        newWeights[i] = weights[i] - learningRate * (weightGradients[i] + weightDecay * weights[i])
    }
    for i in biases.indices {
        newBiases[i] = biases[i] - learningRate * biasGradients[i]
    }
    return (newWeights, newBiases)
}
