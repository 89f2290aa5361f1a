// Reference solution of exercise 6 · A dense layer's forward pass, with loops (lesson 3).
// The task is in Exercises/Sources/Exercises/E06_DenseForward.swift.
//
// Why it works: Neuron i reads column i of W: its sum is bᵢ + Σₖ xₖ·W[k][i]. Looping over neurons
//   on the outside and inputs on the inside builds exactly one output per bias.
// Common mistakes: weights[i][k] instead of weights[k][i] (rows and columns swapped), one sum
//   shared by all neurons, or forgetting the sigmoid.

import E03_Activations

public func denseForward(input: [Double], weights: [[Double]], bias: [Double]) -> [Double] {
    var output: [Double] = []
    for i in bias.indices {
        var sum = bias[i]
        for k in input.indices {
            sum += input[k] * weights[k][i]
        }
        output.append(sigmoid(sum))
    }
    return output
}
