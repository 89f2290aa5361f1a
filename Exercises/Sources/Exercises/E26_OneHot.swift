// Exercise 26 · One-hot rows and back
// Lesson: 11 (swift run lesson-11; Lessons/11-Digits/README.md)
//
// The digits network has one output per class, so its target for a label is a one-hot row: as
// many numbers as classes, all 0 except a 1 in the label's column. With 10 classes (0 … 9):
//
//     label 3  →  (0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
//
// Going back, the class a row stands for is the index of its largest entry (its argmax; on a
// tie, the first). For a one-hot row that is the label again; for a network's output row, the
// digit it answers.
//
// Write `oneHot` (one row per label) and `argmaxOfRow`, here on their own: this exercise uses
// nothing from the others.
//
// Hint: Start each row as `Array(repeating: 0.0, count: classes)` and set the entry at index
//       label to 1: column 0 is class 0. For argmaxOfRow, keep the index of the best so far,
//       starting at 0, and move it only when an entry is strictly larger.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E26 (in Exercises/).

public func oneHot(_ labels: [Int], classes: Int) -> [[Double]] {
    // Your code here.
    return []
}

public func argmaxOfRow(_ row: [Double]) -> Int {
    // Your code here.
    return -1
}
