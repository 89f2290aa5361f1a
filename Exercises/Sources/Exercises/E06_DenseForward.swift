// Exercise 6 · A dense layer's forward pass, with loops
// Lesson: 3 (swift run lesson-3; Lessons/03-Layers/README.md)
//
// A layer of n_out sigmoid neurons reads n_in inputs. Its weights W have n_in rows and n_out
// columns (weights[k][i] connects input k to neuron i), its biases b have n_out numbers:
//
//     yᵢ = σ(Σₖ xₖ · W[k][i] + bᵢ)        for i = 0 … n_out − 1
//
// Write `denseForward` with plain loops (no matrix library). Use your `sigmoid`.
//
// Hint: Make `var output = [Double]()`. For each neuron i in `0..<bias.count`, start a sum at
//       bias[i], add input[k] * weights[k][i] for every k, and append sigmoid(sum).
//
// Check it: swift run exercises (from the course folder), or swift test --filter E06 (in Exercises/).

import E03_Activations  // your `sigmoid` from exercise 3

public func denseForward(input: [Double], weights: [[Double]], bias: [Double]) -> [Double] {
    // Your code here.
    return []
}
