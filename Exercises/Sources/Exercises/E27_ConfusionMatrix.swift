// Exercise 27 · The confusion matrix
// Lesson: 11 (swift run lesson-11; Lessons/11-Digits/README.md)
//
// Accuracy says how often a classifier is right; the confusion matrix says which classes it
// mixes up. It counts every pair (true label, predicted label):
//
//     counts[t][p] = the number of samples of true class t that were predicted as p
//
// Row t is class t, column p the answer, as in lesson 11's step 4 ("is \ said"). The diagonal
// counts the right answers; each row adds up to the number of samples of its class.
//
// Write `confusionMatrix`, a classes × classes table of counts.
//
// Hint: Start from `Array(repeating: Array(repeating: 0, count: classes), count: classes)`, then
//       for each sample k add 1 to counts[trueLabels[k]][predicted[k]]: the true label picks
//       the row.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E27 (in Exercises/).

public func confusionMatrix(trueLabels: [Int], predicted: [Int], classes: Int) -> [[Int]] {
    // Your code here.
    return []
}
