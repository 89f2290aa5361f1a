// Reference solution of exercise 27 · The confusion matrix (lesson 11).
// The task is in Exercises/Sources/Exercises/E27_ConfusionMatrix.swift.
//
// Why it works: Every sample adds 1 to exactly one cell, the one in its true class's row and its
//   answer's column; so row t adds up to the samples of class t, and the diagonal, where answer
//   and truth agree, adds up to the number right.
// Common mistakes: counts[predicted][true] (the table transposed: rows then add up to how often
//   each answer was given), or a table of 9 rows for the classes 0 … 9.

public func confusionMatrix(trueLabels: [Int], predicted: [Int], classes: Int) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for k in trueLabels.indices {
        counts[trueLabels[k]][predicted[k]] += 1
    }
    return counts
}
