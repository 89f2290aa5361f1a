// Reference solution of exercise 2 · Predict a ReLU neuron's threshold (lesson 1).
// The task is in Exercises/Sources/Exercises/E02_ReLUThreshold.swift.
//
// Why it works: max(0, s + b) is not 0 exactly when s + b > 0, that is when s > −b: the bias is
//   minus the threshold, whatever the weights. With b = −1.5 the threshold is 1.5, and the inputs
//   (1, 1) give s = 2, so y = max(0, 2 − 1.5) = 0.5. A positive bias gives a negative threshold:
//   the neuron already fires at s = 0.
// Common mistakes: taking the threshold to be b itself (−1.5) rather than −b, predicting the
//   weighted sum 2 as the output (forgetting the bias), and counting s = −b as firing (s + b = 0
//   gives max(0, 0) = 0, so the comparison is strict: >, not >=).

public let predictedThreshold: Double = 1.5

public let predictedOutput: Double = 0.5

public func reluThreshold(bias: Double) -> Double {
    -bias
}

public func fires(inputs: [Double], weights: [Double], bias: Double) -> Bool {
    var sum = 0.0
    for i in inputs.indices {
        sum += inputs[i] * weights[i]
    }
    return sum > -bias
}
