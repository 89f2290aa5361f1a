// Reference solution of exercise 5 · Mean squared error, one sample and a batch (lesson 4).
// The task is in Exercises/Sources/Exercises/E05_MeanSquaredError.swift.

public func meanSquaredError(predicted: [Double], expected: [Double]) -> Double {
    var sum = 0.0
    for i in predicted.indices {
        let error = expected[i] - predicted[i]
        sum += error * error
    }
    return sum / Double(predicted.count)
}

public func batchMeanSquaredError(predicted: [[Double]], expected: [[Double]]) -> Double {
    var total = 0.0
    for k in predicted.indices {
        total += meanSquaredError(predicted: predicted[k], expected: expected[k])
    }
    return total / Double(predicted.count)
}
