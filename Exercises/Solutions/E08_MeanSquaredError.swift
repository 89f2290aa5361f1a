// Reference solution of exercise 8 · Mean squared error, one sample and a batch (lesson 4).
// The task is in Exercises/Sources/Exercises/E08_MeanSquaredError.swift.
//
// Why it works: The error is squared so that misses in both directions count and big misses count
//   more; dividing by the count makes the loss comparable across sizes. The batch loss is the mean
//   of the per-sample losses.
// Common mistakes: forgetting to divide (a sum, not a mean), squaring the sum of the errors instead
//   of summing the squares, or dividing the batch total by the number of numbers instead of the
//   number of rows.

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
