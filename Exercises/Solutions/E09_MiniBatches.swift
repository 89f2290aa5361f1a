// Reference solution of exercise 9 · Splitting shuffled indices into mini-batches (lesson 7).
// The task is in Exercises/Sources/Exercises/E09_MiniBatches.swift.

public func miniBatches(_ indices: [Int], batchSize: Int) -> [[Int]] {
    var batches: [[Int]] = []
    for start in stride(from: 0, to: indices.count, by: batchSize) {
        let end = min(start + batchSize, indices.count)
        batches.append(Array(indices[start..<end]))
    }
    return batches
}
