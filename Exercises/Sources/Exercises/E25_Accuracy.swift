// Exercise 25 · Argmax and accuracy
// Lesson: 11 (swift run lesson-11; Lessons/11-Digits/README.md)
//
// A classifier outputs one score per class; its answer is the index of the largest score
// (argmax; on a tie, the first). Accuracy is the fraction of answers equal to the labels:
//
//     accuracy = (number right) / (number of samples)
//
// Write `argmax` and `accuracy`.
//
// Hint: For argmax, keep the index of the best so far and replace it only when a score is strictly
//       larger. For accuracy, count the indices where predicted[k] == expected[k], then divide by
//       Double(count).
//
// Check it: swift run exercises (from the course folder), or swift test --filter E25 (in Exercises/).

public func argmax(_ scores: [Double]) -> Int {
    // Your code here.
    return -1
}

public func accuracy(predicted: [Int], expected: [Int]) -> Double {
    // Your code here.
    return -1
}
