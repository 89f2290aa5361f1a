// Exercise 19 · Splitting shuffled indices into mini-batches
// Lesson: 9 (swift run lesson-9; Lessons/09-MiniBatches/README.md)
//
// An epoch cuts a shuffled list of sample indices into consecutive, non-overlapping batches of
// `batchSize`. If the count is not a multiple of batchSize, the last batch is smaller and kept:
//
//     [4, 0, 3, 1, 2] with batchSize 2  →  [[4, 0], [3, 1], [2]]
//
// Write `miniBatches`. Keep the order you are given (the shuffling happened before).
//
// Hint: Use `stride(from: 0, to: indices.count, by: batchSize)` for the start of each batch, and
//       `min(start + batchSize, indices.count)` for its end.
//
// Check it: swift run exercises (from the course folder), or swift test --filter E19 (in Exercises/).

public func miniBatches(_ indices: [Int], batchSize: Int) -> [[Int]] {
    // Your code here.
    return []
}
