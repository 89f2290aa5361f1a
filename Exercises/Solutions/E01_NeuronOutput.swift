// Reference solution of exercise 1 · A neuron's output (lesson 1).
// The task is in Exercises/Sources/Exercises/E01_NeuronOutput.swift.
//
// Why it works: The weighted sum plus the bias is the neuron's pre-activation; max(0, ·) is ReLU,
//   which passes a positive sum unchanged and turns a negative one into 0.
// Common mistakes: adding the bias inside the loop (once per input), starting the sum at 0 and
//   forgetting the bias, or applying max(0, ·) to each product instead of to the total.

public func neuronOutput(inputs: [Double], weights: [Double], bias: Double) -> Double {
    var sum = bias
    for i in inputs.indices {
        sum += inputs[i] * weights[i]
    }
    return max(0, sum)
}
