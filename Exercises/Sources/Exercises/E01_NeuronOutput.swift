// Exercise 1 · A neuron's output
// Lesson: 1 (swift run lesson-1; Lessons/01-Neuron/README.md)
//
// A ReLU neuron multiplies each input by its weight, adds up the products, adds its bias,
// and keeps the result only if it is positive:
//
//     y = max(0, w₁x₁ + w₂x₂ + ⋯ + wₙxₙ + b)
//
// Write `neuronOutput`. `inputs` and `weights` have the same length.
//
// Hint: Start with `var sum = bias`, add `inputs[i] * weights[i]` for every index i, then
//       return `max(0, sum)`.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E01 (in Exercises/).

public func neuronOutput(inputs: [Double], weights: [Double], bias: Double) -> Double {
    // Your code here.
    return 0
}
