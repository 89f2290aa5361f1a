// Reference solution of exercise 1 · A neuron's output (lesson 1).
// The task is in Exercises/Sources/Exercises/E01_NeuronOutput.swift.

public func neuronOutput(inputs: [Double], weights: [Double], bias: Double) -> Double {
    var sum = bias
    for i in inputs.indices {
        sum += inputs[i] * weights[i]
    }
    return max(0, sum)
}
