// Reference solution of exercise 25 · Argmax and accuracy (lesson 11).
// The task is in Exercises/Sources/Exercises/E25_Accuracy.swift.
//
// Why it works: Replacing the best index only on a strictly larger score keeps the first of equal
//   scores; accuracy divides the number of matches by the number of samples as Doubles.
// Common mistakes: starting the best score at 0 (wrong when all scores are negative), >= instead of
//   > (last of a tie), or integer division giving 0.

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
