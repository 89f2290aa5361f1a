// Reference solution of exercise 4 · A dense layer's forward pass, with loops (lesson 3).
// The task is in Exercises/Sources/Exercises/E04_DenseForward.swift.

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
