// Reference solution of exercise 19 · Splitting shuffled indices into mini-batches (lesson 9).
// The task is in Exercises/Sources/Exercises/E19_MiniBatches.swift.
//
// Why it works: stride(from: 0, to: count, by: batchSize) gives the start of every batch; min(start
//   + batchSize, count) keeps the last batch inside the array, so every index appears once, in
//   order.
// Common mistakes: dropping the last, smaller batch, overlapping batches (a step of 1), or an index
//   out of range from start + batchSize past the end.

public func miniBatches(_ indices: [Int], batchSize: Int) -> [[Int]] {
    var batches: [[Int]] = []
    for start in stride(from: 0, to: indices.count, by: batchSize) {
        let end = min(start + batchSize, indices.count)
        batches.append(Array(indices[start..<end]))
    }
    return batches
}
