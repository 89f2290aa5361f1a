// Reference solution of exercise 12 · Argmax and accuracy (lesson 9).
// The task is in Exercises/Sources/Exercises/E12_Accuracy.swift.

public func argmax(_ scores: [Double]) -> Int {
    var best = 0
    for i in scores.indices where scores[i] > scores[best] {
        best = i
    }
    return best
}

public func accuracy(predicted: [Int], expected: [Int]) -> Double {
    var right = 0
    for k in predicted.indices where predicted[k] == expected[k] {
        right += 1
    }
    return Double(right) / Double(predicted.count)
}
