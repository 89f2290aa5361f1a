/// Splits the sample indices 0..<count into mini-batches for one epoch: the indices are
/// shuffled with `generator`, then cut into consecutive, non-overlapping pieces of `batchSize`.
///
/// Every sample appears in exactly one batch, so one pass over the batches is one epoch. When
/// `batchSize` does not divide `count`, the last batch is smaller (count mod batchSize samples)
/// and is kept, so no sample is skipped. There are ⌈count / batchSize⌉ batches.
public func miniBatches(count: Int, batchSize: Int, using generator: inout SeededGenerator) -> [[Int]] {
    precondition(count >= 0, "The number of samples must not be negative, got \(count)")
    precondition(batchSize > 0, "A batch needs at least one sample, got \(batchSize)")
    let order = generator.shuffled(Array(0..<count))
    return stride(from: 0, to: count, by: batchSize).map { start in
        Array(order[start..<min(start + batchSize, count)])
    }
}
